package org.accord.proposals.domain;

/**
 * What a proposal makes: a new standard, or a revision, amendment or corrigendum of a published
 * one. All but NEW are based on a published designation and keep that standard's project number.
 */
public enum ProposalKind {
    NEW, REVISION, AMENDMENT, CORRIGENDUM;

    public boolean changesAPublishedStandard() {
        return this != NEW;
    }
}
