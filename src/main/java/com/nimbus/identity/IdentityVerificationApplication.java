package com.nimbus.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityVerificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityVerificationApplication.class, args);
    }
}
