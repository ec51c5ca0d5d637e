package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What the end-to-end tests need from the machine. A missing prerequisite fails the test when {@code CI=true}
 * (bin/test provisions everything there, so a gap is a real failure) and skips it, with the reason, elsewhere.
 */
final class Prerequisites {

    private Prerequisites() {}

    /** @return whether the tests run in continuous integration ({@code CI=true}, as CI services set it) */
    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * @param available whether the prerequisite is there
     * @param what      what is missing and how to get it, for the failure or skip message
     */
    static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if (ci()) {
            fail(what + " (CI=true: end-to-end tests never skip in CI)");
        }
        Assumptions.abort(what);
    }
}
