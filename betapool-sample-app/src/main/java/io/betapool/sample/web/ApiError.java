package io.betapool.sample.web;

import org.jspecify.annotations.Nullable;

/**
 * The JSON body of an error answer.
 *
 * @param error the reason phrase of the status, such as {@code Bad Request}
 * @param field the request parameter or JSON path at fault, when one is
 * @param message what went wrong
 */
public record ApiError(String error, @Nullable String field, String message) {

}
