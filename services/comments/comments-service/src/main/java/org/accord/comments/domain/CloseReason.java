package org.accord.comments.domain;

/** Why a period closed: its deadline passed, the editor closed it early, or its project was withdrawn. */
public enum CloseReason {
    DEADLINE, EDITOR, WITHDRAWN
}
