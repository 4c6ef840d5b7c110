package org.accord.comments.domain;

/** One clause of the commented version of a draft, as the proposals service numbers it. */
public record DraftClause(String number, String title) {
}
