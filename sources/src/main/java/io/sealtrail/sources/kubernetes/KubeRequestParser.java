package io.sealtrail.sources.kubernetes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the mapped fields of one Event line with a streaming parser; request and response objects (which can
 * be most of a RequestResponse-level line) are skipped token by token, never built.
 */
final class KubeRequestParser {
    private final JsonFactory json = JsonFactory.builder().build();

    /** @throws IOException when the line is not one JSON object or a mapped field has the wrong type */
    KubeRequest parse(byte[] buf, int length) throws IOException {
        KubeRequest r = new KubeRequest();
        try (JsonParser p = json.createParser(buf, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "kind" -> r.kind = text(p, field);
                    case "apiVersion" -> r.apiVersion = text(p, field);
                    case "auditID" -> r.auditId = text(p, field);
                    case "stage" -> r.stage = text(p, field);
                    case "requestURI" -> r.requestUri = text(p, field);
                    case "verb" -> r.verb = text(p, field);
                    case "userAgent" -> r.userAgent = text(p, field);
                    case "requestReceivedTimestamp" -> r.requestReceivedTimestamp = text(p, field);
                    case "stageTimestamp" -> r.stageTimestamp = text(p, field);
                    case "timestamp" -> r.timestamp = text(p, field);
                    case "user" -> user(p, r, false);
                    case "impersonatedUser" -> user(p, r, true);
                    case "sourceIPs" -> sourceIps(p, r);
                    case "objectRef" -> objectRef(p, r);
                    case "responseStatus" -> responseStatus(p, r);
                    case "annotations" -> annotations(p, r);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IOException("more than one JSON value on the line");
            }
        }
        return r;
    }

    private static String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new IOException(field + " is not a string");
        }
        return p.getText();
    }

    private static boolean startObject(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException(field + " is not an object");
        }
        return true;
    }

    private static void user(JsonParser p, KubeRequest r, boolean impersonated) throws IOException {
        String where = impersonated ? "impersonatedUser" : "user";
        if (!startObject(p, where)) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("username")) {
                if (impersonated) {
                    r.impersonatedUsername = text(p, where + ".username");
                } else {
                    r.username = text(p, where + ".username");
                }
            } else if (f.equals("uid") && !impersonated) {
                r.uid = text(p, "user.uid");
            } else if (f.equals("groups") && !impersonated && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String g = text(p, "user.groups[]");
                    if (g != null) {
                        r.groups.add(g);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void sourceIps(JsonParser p, KubeRequest r) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("sourceIPs is not an array");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String ip = text(p, "sourceIPs[]");
            if (r.sourceIp == null) {
                r.sourceIp = ip;
            }
        }
    }

    private static void objectRef(JsonParser p, KubeRequest r) throws IOException {
        if (!startObject(p, "objectRef")) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "resource" -> r.resource = text(p, "objectRef.resource");
                case "subresource" -> r.subresource = text(p, "objectRef.subresource");
                case "namespace" -> r.namespace = text(p, "objectRef.namespace");
                case "name" -> r.name = text(p, "objectRef.name");
                case "apiGroup" -> r.apiGroup = text(p, "objectRef.apiGroup");
                default -> p.skipChildren();
            }
        }
    }

    private static void responseStatus(JsonParser p, KubeRequest r) throws IOException {
        if (!startObject(p, "responseStatus")) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "code" -> {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw new IOException("responseStatus.code is not an integer");
                    }
                    r.code = p.getIntValue();
                }
                case "message" -> r.statusMessage = text(p, "responseStatus.message");
                case "reason" -> r.statusReason = text(p, "responseStatus.reason");
                default -> p.skipChildren();
            }
        }
    }

    private static void annotations(JsonParser p, KubeRequest r) throws IOException {
        if (!startObject(p, "annotations")) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (f.equals("authorization.k8s.io/reason")) {
                r.authorizationReason = text(p, "annotations." + f);
            } else {
                p.skipChildren();
            }
        }
    }
}
