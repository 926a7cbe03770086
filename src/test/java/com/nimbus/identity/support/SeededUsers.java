package com.nimbus.identity.support;

import com.nimbus.identity.security.DemoUsers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The tests drive the product with SPEC's seeded users (alice, bob, carol, owen, console). The application seeds them
 * only on the embedded H2 database; the tests run on PostgreSQL, so they create the same users themselves, after the
 * application created its groups.
 */
@Component
@Order(10)
class SeededUsers implements ApplicationRunner {

    private final DemoUsers demoUsers;

    SeededUsers(DemoUsers demoUsers) {
        this.demoUsers = demoUsers;
    }

    @Override
    public void run(ApplicationArguments args) {
        demoUsers.seed();
    }
}
