package org.accord.publication.domain;

import org.accord.problem.ConflictException;

/**
 * An approval or a withdrawal that the published record cannot take (a first edition of a project
 * that has one, an amendment of a replaced edition, a text whose hash does not match). Retrying
 * cannot help, so the consumer dead-letters such an approval at once.
 */
public class PublicationRefused extends ConflictException {

    public PublicationRefused(String detail) {
        super("Publication refused", detail);
    }
}
