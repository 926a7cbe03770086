package com.nimbus.identity.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes an endpoint of the API answers, e.g. {@code {"ACCOUNT_NOT_FOUND", "CHANGE_LOCKED"}}, besides
 * {@code UNAUTHORIZED} (401) and {@code FORBIDDEN} (403), which every {@code /api} endpoint may answer. The API's
 * OpenAPI document lists each code under the response of its status, as {@code application/problem+json} with the
 * code's example from {@code openapi/identity-api.yaml}; a code without an example there fails the document.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProblemResponses {

    String[] value();
}
