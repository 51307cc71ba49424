package dev.greenlight.notify;

/** A new message (chat.postMessage), or a new version of the subject's first message (chat.update). */
enum MessageKind {
    POST,
    UPDATE
}
