package org.accord.comments;

import org.accord.testing.AccordServiceTest;
import org.accord.testing.ServiceOperationsContract;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/** The service comes up against the real broker and the Mongo-wire store, healthy and measurable. */
@AccordServiceTest
@AutoConfigureWebTestClient
class OperationsIT extends ServiceOperationsContract {

    @Override
    protected String service() {
        return "comments";
    }
}
