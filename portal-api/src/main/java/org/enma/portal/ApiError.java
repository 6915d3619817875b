package org.enma.portal;

/** A request the API refuses, with the HTTP status and the one-line reason sent as {@code {"error": "..."}}. */
final class ApiError extends RuntimeException {
    private final int status;

    private ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError uriTooLong(String message) {
        return new ApiError(414, message);
    }

    int status() {
        return status;
    }
}
