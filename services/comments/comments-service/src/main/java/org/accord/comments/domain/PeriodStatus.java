package org.accord.comments.domain;

public enum PeriodStatus {
    OPEN, CLOSED
}
