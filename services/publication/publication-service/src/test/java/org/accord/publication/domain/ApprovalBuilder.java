package org.accord.publication.domain;

import java.util.UUID;

/** Approvals for domain tests: a first edition of project 42 unless told otherwise. */
final class ApprovalBuilder {

    private String proposalId = UUID.randomUUID().toString();
    private int version = 1;
    private int project = 42;
    private String committee = "ACC/TC 1";
    private String title = "Artificial intelligence — Interoperable evaluation reports";
    private String kind = "NEW";
    private String basedOn;
    private String text = "# 1 Scope\n\nThis document specifies evaluation reports.\n";
    private String sha256;

    static ApprovalBuilder approval() {
        return new ApprovalBuilder();
    }

    ApprovalBuilder revision(String of) {
        kind = "REVISION";
        basedOn = of;
        return this;
    }

    ApprovalBuilder amendment(String of) {
        kind = "AMENDMENT";
        basedOn = of;
        return this;
    }

    ApprovalBuilder corrigendum(String of) {
        kind = "CORRIGENDUM";
        basedOn = of;
        return this;
    }

    ApprovalBuilder kind(String value) {
        kind = value;
        return this;
    }

    ApprovalBuilder text(String value) {
        text = value;
        return this;
    }

    ApprovalBuilder sha256(String value) {
        sha256 = value;
        return this;
    }

    ApprovalBuilder proposal(String id, int proposalVersion) {
        proposalId = id;
        version = proposalVersion;
        return this;
    }

    Approval build() {
        return new Approval(proposalId, version, project, committee, title, kind, basedOn, text,
                sha256 == null ? TextHash.sha256(text) : sha256);
    }
}
