package org.accord.publication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Published standards, editions, designations, and feeds for observers (Atom, JSON Feed, SSE, web page). */
@SpringBootApplication
public class PublicationApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublicationApplication.class, args);
    }
}
