package dev.switchboard;

import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions that print the whole exchange when they fail. */
public final class ApiResponseAssert extends AbstractAssert<ApiResponseAssert, ApiResponse> {

    private ApiResponseAssert(ApiResponse actual) {
        super(actual, ApiResponseAssert.class);
    }

    public static ApiResponseAssert assertThat(ApiResponse actual) {
        return new ApiResponseAssert(actual);
    }

    public ApiResponseAssert hasStatus(int expected) {
        isNotNull();
        if (actual.status() != expected) {
            failWithMessage("expected status %s but got %s", expected, actual.describe());
        }
        return this;
    }

    /** The status, and an RFC 9457 problem document with that status in its body. */
    public ApiResponseAssert isProblem(int expected) {
        hasStatus(expected);
        if (!actual.isProblem()) {
            failWithMessage("expected application/problem+json but got %s", actual.describe());
        }
        if (actual.json().path("status").asInt() != expected || actual.json().path("title").asString("").isEmpty()) {
            failWithMessage("expected a problem document with status %s and a title but got %s", expected, actual.describe());
        }
        return this;
    }

    /** A 400 problem whose {@code errors} name the field. */
    public ApiResponseAssert namesInvalidField(String field) {
        isProblem(400);
        boolean named = false;
        for (var error : actual.json().path("errors")) {
            named |= field.equals(error.path("field").asString());
        }
        if (!named) {
            failWithMessage("expected a field error for %s but got %s", field, actual.describe());
        }
        return this;
    }
}
