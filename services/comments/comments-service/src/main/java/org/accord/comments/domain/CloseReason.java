package org.accord.comments.domain;

/** Why a period closed: its deadline passed, or the editor closed it early. */
public enum CloseReason {
    DEADLINE, EDITOR
}
