package io.sealtrail.sources.kubernetes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An API request said the way people type it: the kubectl command that sends that request, and the action name
 * of the event. Auditors read kubectl, the workbench's privileged rule matches kubectl prefixes, and Sealtrail's
 * own bundles write Kubernetes requests that way, so one query finds {@code kubectl exec} in every source.
 */
public final class KubectlLine {
    /** Subresources that open a stream into a pod or node; their verb (create or get) only says how. */
    static final Set<String> CONNECT = Set.of("exec", "attach", "portforward", "proxy");

    private KubectlLine() {
    }

    /**
     * {@code kube.<resource>[.<subresource>].<verb>}; {@code kube.<resource>.<subresource>} for the connect
     * subresources; {@code kube.nonresource.<verb>} for a request without objectRef (/healthz, /version ...).
     */
    static String action(KubeRequest r) {
        if (r.resource == null) {
            return "kube.nonresource." + r.verb;
        }
        if (r.subresource != null && CONNECT.contains(r.subresource)) {
            return "kube." + r.resource + "." + r.subresource;
        }
        return "kube." + r.resource + (r.subresource == null ? "" : "." + r.subresource) + "." + r.verb;
    }

    /**
     * A Kubernetes API request as it crossed the wire (an HTTP method and path with query, as Teleport records a
     * kube.request), as the kubectl command that sends it: the same words Kubernetes audit records get, so one
     * query and the privileged rule ("kubectl get secret", "kubectl exec") find it through every source. Null when
     * the path is not one of the API's (/api/…, /apis/…).
     */
    public static String fromHttp(String method, String pathAndQuery) {
        if (method == null || pathAndQuery == null) {
            return null;
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String[] p = java.util.Arrays.stream(path.split("/")).filter(x -> !x.isEmpty()).toArray(String[]::new);
        int i;
        KubeRequest r = new KubeRequest();
        r.requestUri = pathAndQuery;
        if (p.length >= 2 && p[0].equals("api")) {
            i = 2; // api/v1
        } else if (p.length >= 3 && p[0].equals("apis")) {
            r.apiGroup = p[1];
            i = 3; // apis/group/version
        } else {
            r.verb = method.toLowerCase(java.util.Locale.ROOT);
            return command(r); // not a resource request: kubectl --raw
        }
        if (i + 1 < p.length && p[i].equals("namespaces") && i + 2 < p.length) {
            r.namespace = p[i + 1];
            i += 2;
        }
        if (i >= p.length) {
            return null;
        }
        r.resource = p[i];
        r.name = i + 1 < p.length ? p[i + 1] : null;
        r.subresource = i + 2 < p.length ? p[i + 2] : null;
        String m = method.toUpperCase(java.util.Locale.ROOT);
        r.verb = switch (m) {
            case "GET" -> r.name == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> r.name == null ? "deletecollection" : "delete";
            default -> m.toLowerCase(java.util.Locale.ROOT);
        };
        if (pathAndQuery.contains("watch=true") || pathAndQuery.contains("watch=1")) {
            r.verb = "watch";
        }
        return command(r);
    }

    static String command(KubeRequest r) {
        if (r.resource == null) {
            return "kubectl " + rawVerb(r.verb) + " --raw " + (r.requestUri == null ? "" : r.requestUri);
        }
        Query q = Query.of(r.requestUri);
        StringBuilder b = new StringBuilder("kubectl ");
        String sub = r.subresource;
        if ("exec".equals(sub) || "attach".equals(sub) || "portforward".equals(sub) || "log".equals(sub)) {
            b.append(switch (sub) {
                case "exec" -> "exec";
                case "attach" -> "attach";
                case "portforward" -> "port-forward";
                default -> "logs";
            });
            if (!"pods".equals(r.resource)) {
                b.append(' ').append(r.resource).append('/').append(orEmpty(r.name));
            } else if (r.name != null) {
                b.append(' ').append(r.name);
            }
            namespace(b, r);
            String container = q.first("container");
            if (container != null && !"portforward".equals(sub)) {
                b.append(" -c ").append(container);
            }
            if ("portforward".equals(sub)) {
                for (String port : q.all("ports")) {
                    b.append(' ').append(port);
                }
            }
            if ("exec".equals(sub)) {
                List<String> argv = q.all("command");
                if (!argv.isEmpty()) {
                    b.append(" --");
                    for (String a : argv) {
                        b.append(' ').append(shellWord(a));
                    }
                }
            }
            return b.toString();
        }
        b.append(verb(r.verb)).append(' ').append(r.resource);
        if (r.apiGroup != null && !r.apiGroup.isEmpty()) {
            b.append('.').append(r.apiGroup);
        }
        if (r.name != null) {
            b.append(' ').append(r.name);
        }
        namespace(b, r);
        if (sub != null) {
            b.append(" --subresource=").append(sub);
        }
        if ("watch".equals(r.verb)) {
            b.append(" --watch");
        } else if ("deletecollection".equals(r.verb)) {
            b.append(" --all");
        }
        return b.toString();
    }

    private static void namespace(StringBuilder b, KubeRequest r) {
        if (r.namespace != null && !r.namespace.isEmpty()) {
            b.append(" -n ").append(r.namespace);
        }
    }

    /** An argument with blanks or quotes in single quotes, so the argv can be told apart when read back. */
    static String shellWord(String a) {
        if (!a.isEmpty() && a.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')) {
            return a;
        }
        return "'" + a.replace("'", "'\\''") + "'";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** kubectl's word for an API verb; verbs kubectl has no command for (bind, escalate ...) stay as they are. */
    private static String verb(String v) {
        return switch (v) {
            case "list", "watch" -> "get";
            case "update" -> "replace";
            case "deletecollection" -> "delete";
            default -> v;
        };
    }

    /** Non-resource requests carry the HTTP method, lower case. */
    private static String rawVerb(String v) {
        return switch (v) {
            case "post" -> "create";
            case "put" -> "replace";
            default -> v;
        };
    }

    /** The query parameters of a request URI, decoded; exec's argv is one {@code command=} per argument. */
    private record Query(List<String[]> pairs) {
        static Query of(String uri) {
            List<String[]> out = new ArrayList<>();
            int q = uri == null ? -1 : uri.indexOf('?');
            if (q >= 0) {
                for (String part : uri.substring(q + 1).split("&")) {
                    int eq = part.indexOf('=');
                    String k = eq < 0 ? part : part.substring(0, eq);
                    String v = eq < 0 ? "" : part.substring(eq + 1);
                    out.add(new String[] {decode(k), decode(v)});
                }
            }
            return new Query(out);
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return s; // shown as sent rather than dropped
            }
        }

        String first(String key) {
            for (String[] p : pairs) {
                if (p[0].equals(key)) {
                    return p[1];
                }
            }
            return null;
        }

        List<String> all(String key) {
            List<String> out = new ArrayList<>();
            for (String[] p : pairs) {
                if (p[0].equals(key)) {
                    out.add(p[1]);
                }
            }
            return out;
        }
    }
}
