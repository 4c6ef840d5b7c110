package org.accord.proposals;

import org.accord.testing.ServiceOperationsContract;

/** The service comes up against the real broker and the Mongo-wire store, healthy and measurable. */
@ProposalsServiceTest
class OperationsIT extends ServiceOperationsContract {

    @Override
    protected String service() {
        return "proposals";
    }
}
