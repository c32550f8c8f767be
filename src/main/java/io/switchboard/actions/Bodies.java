package io.switchboard.actions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Request bodies that are not plain JSON: an RFC 2822 message, form fields, multipart uploads. */
final class Bodies {

    record Encoded(String contentType, byte[] bytes) {
    }

    private Bodies() {
    }

    /** The RFC 2822 message Gmail wants in {@code raw}, base64url encoded (developers.google.com/gmail/api/guides/sending). */
    static String gmailRaw(String to, String subject, String body) {
        String message = "To: " + oneLine(to) + "\r\n"
                + "Subject: " + encodedWord(oneLine(subject)) + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + body.replace("\r\n", "\n").replace("\n", "\r\n");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(message.getBytes(StandardCharsets.UTF_8));
    }

    static Encoded form(JsonNode body) {
        StringJoiner out = new StringJoiner("&");
        if (body != null) {
            body.fields().forEachRemaining(f -> {
                String value = f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
                out.add(RequestTemplates.encodeQuery(f.getKey()) + "=" + RequestTemplates.encodeQuery(value));
            });
        }
        return new Encoded("application/x-www-form-urlencoded", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Google's multipart upload: a multipart/related body with the metadata JSON first and the content second
     * (developers.google.com/drive/api/guides/manage-uploads#multipart).
     */
    static Encoded related(JsonNode metadata, String content, String mimeType) {
        String boundary = boundary();
        String text = "--" + boundary + "\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n"
                + metadata + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: " + (mimeType == null ? "text/plain" : mimeType) + "\r\n\r\n"
                + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return new Encoded("multipart/related; boundary=" + boundary, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Box's upload: multipart/form-data with the {@code attributes} JSON before the {@code file} part
     * (developer.box.com/reference/post-files-content).
     */
    static Encoded formData(JsonNode attributes, String fileName, String content) {
        String boundary = boundary();
        String text = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"attributes\"\r\n\r\n"
                + attributes + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + oneLine(fileName).replace("\"", "'") + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return new Encoded("multipart/form-data; boundary=" + boundary, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String boundary() {
        return "switchboard-" + UUID.randomUUID();
    }

    /** Header values must not carry line breaks, or a value could add headers of its own. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String encodedWord(String value) {
        boolean ascii = value.chars().allMatch(c -> c < 128);
        return ascii ? value
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
