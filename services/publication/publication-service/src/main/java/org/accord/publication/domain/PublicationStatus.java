package org.accord.publication.domain;

/** Where a published document stands: in force, cancelled by a newer edition, or withdrawn (95.99). */
public enum PublicationStatus {
    PUBLISHED,
    REPLACED,
    WITHDRAWN
}
