package dev.switchboard.shared.web;

/** The request body is larger than the limit for its route. */
class PayloadTooLarge extends RuntimeException {

    PayloadTooLarge(long limit) {
        super("the request body exceeds " + limit + " bytes");
    }
}
