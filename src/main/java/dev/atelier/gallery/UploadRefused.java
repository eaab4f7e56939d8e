package dev.atelier.gallery;

import dev.atelier.common.error.AtelierException;
import dev.atelier.common.error.ErrorCode;

/** An upload that is not taken, with the HTTP status that says why (400, 413 or 415); nothing was stored. */
public final class UploadRefused extends AtelierException {

    private static final long serialVersionUID = 1L;

    private final int status;

    UploadRefused(int status, String message) {
        super(ErrorCode.BAD_USER_INPUT, message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
