package org.accord.voting.domain;

/** Test data: a tally by its counts; whoever is not counted otherwise did not vote. */
final class TallyBuilder {

    private int participating;
    private int observing;
    private int pApprove, pDisapprove, pAbstain, oApprove, oDisapprove, oAbstain, withoutReasons, commitments;

    private TallyBuilder(int participating) {
        this.participating = participating;
    }

    static TallyBuilder pMembers(int participating) {
        return new TallyBuilder(participating);
    }

    TallyBuilder oMembers(int n) {
        observing = n;
        return this;
    }

    TallyBuilder pApprove(int n) {
        pApprove = n;
        return this;
    }

    TallyBuilder pDisapprove(int n) {
        pDisapprove = n;
        return this;
    }

    TallyBuilder pAbstain(int n) {
        pAbstain = n;
        return this;
    }

    TallyBuilder oApprove(int n) {
        oApprove = n;
        return this;
    }

    TallyBuilder oDisapprove(int n) {
        oDisapprove = n;
        return this;
    }

    TallyBuilder oAbstain(int n) {
        oAbstain = n;
        return this;
    }

    TallyBuilder disapprovalsWithoutReasons(int n) {
        withoutReasons = n;
        return this;
    }

    TallyBuilder commitments(int n) {
        commitments = n;
        return this;
    }

    Tally build() {
        int voted = pApprove + pDisapprove + pAbstain + oApprove + oDisapprove + oAbstain + withoutReasons;
        return new Tally(participating, observing, pApprove, pDisapprove, pAbstain, oApprove, oDisapprove, oAbstain,
                withoutReasons, participating + observing - voted, commitments);
    }
}
