package org.accord.proposals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Drafts, versions, committees and members, and the stage machine that conducts a standard's life. */
@SpringBootApplication
public class ProposalsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProposalsApplication.class, args);
    }
}
