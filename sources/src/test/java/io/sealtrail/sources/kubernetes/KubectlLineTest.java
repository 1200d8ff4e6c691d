package io.sealtrail.sources.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubectlLineTest {

    private static KubeRequest request(String verb, String resource, String sub, String ns, String name, String uri) {
        KubeRequest r = new KubeRequest();
        r.verb = verb;
        r.resource = resource;
        r.subresource = sub;
        r.namespace = ns;
        r.name = name;
        r.requestUri = uri;
        return r;
    }

    @Test
    void attachNamesTheContainer() {
        KubeRequest r = request("create", "pods", "attach", "payments", "api-0",
                "/api/v1/namespaces/payments/pods/api-0/attach?container=api&stdin=true");

        assertThat(KubectlLine.command(r)).isEqualTo("kubectl attach api-0 -n payments -c api");
        assertThat(KubectlLine.action(r)).isEqualTo("kube.pods.attach");
    }

    @Test
    void aLogRequestIsKubectlLogs() {
        KubeRequest r = request("get", "pods", "log", "web", "web-1", "/api/v1/namespaces/web/pods/web-1/log");

        assertThat(KubectlLine.command(r)).isEqualTo("kubectl logs web-1 -n web");
        assertThat(KubectlLine.action(r)).isEqualTo("kube.pods.log.get");
    }

    @Test
    void listAndWatchAreKubectlGet() {
        assertThat(KubectlLine.command(request("list", "secrets", null, "payments", null, null)))
                .isEqualTo("kubectl get secrets -n payments");
        assertThat(KubectlLine.command(request("watch", "pods", null, null, null, null)))
                .isEqualTo("kubectl get pods --watch");
    }

    @Test
    void updateIsReplaceAndDeleteCollectionIsDeleteAll() {
        assertThat(KubectlLine.command(request("update", "configmaps", null, "app", "cfg", null)))
                .isEqualTo("kubectl replace configmaps cfg -n app");
        assertThat(KubectlLine.command(request("deletecollection", "pods", null, "app", null, null)))
                .isEqualTo("kubectl delete pods -n app --all");
    }

    @Test
    void aVerbKubectlHasNoCommandForStaysAsItIs() {
        assertThat(KubectlLine.command(request("impersonate", "users", null, null, "admin", null)))
                .isEqualTo("kubectl impersonate users admin");
    }

    @Test
    void aNonResourcePostIsARawCreate() {
        KubeRequest r = request("post", null, null, null, null, "/apis/authentication.k8s.io/v1/tokenreviews");

        assertThat(KubectlLine.command(r)).isEqualTo("kubectl create --raw /apis/authentication.k8s.io/v1/tokenreviews");
        assertThat(KubectlLine.action(r)).isEqualTo("kube.nonresource.post");
    }

    @Test
    void aProxyToANodeIsNamedByItsResourceWithoutTheVerb() {
        KubeRequest r = request("get", "nodes", "proxy", null, "node-1", "/api/v1/nodes/node-1/proxy/metrics");

        assertThat(KubectlLine.action(r)).isEqualTo("kube.nodes.proxy");
        assertThat(KubectlLine.command(r)).isEqualTo("kubectl get nodes node-1 --subresource=proxy");
    }

    @Test
    void quotesExecArgumentsWithBlanksOrQuotes() {
        assertThat(KubectlLine.shellWord("ls")).isEqualTo("ls");
        assertThat(KubectlLine.shellWord("echo it's")).isEqualTo("'echo it'\\''s'");
        assertThat(KubectlLine.shellWord("")).isEqualTo("''");
    }

    @Test
    void keepsAnUndecodableQueryValueAsSent() {
        KubeRequest r = request("create", "pods", "exec", "a", "p", "/x/exec?command=%zz&command=id");

        assertThat(KubectlLine.command(r)).isEqualTo("kubectl exec p -n a -- %zz id");
    }

    @Test
    void anHttpRequestReadsAsTheKubectlCommandThatSendsIt() {
        assertThat(KubectlLine.fromHttp("GET", "/api/v1/namespaces/payments/secrets/db-password"))
                .isEqualTo("kubectl get secrets db-password -n payments");
        assertThat(KubectlLine.fromHttp("GET", "/api/v1/namespaces/payments/secrets")).isEqualTo("kubectl get secrets -n payments");
        assertThat(KubectlLine.fromHttp("POST", "/api/v1/namespaces/pay/pods/api-0/exec?command=id&container=api"))
                .isEqualTo("kubectl exec api-0 -n pay -c api -- id");
        assertThat(KubectlLine.fromHttp("DELETE", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/tmp-admin"))
                .isEqualTo("kubectl delete clusterrolebindings.rbac.authorization.k8s.io tmp-admin");
        assertThat(KubectlLine.fromHttp("GET", "/api/v1/namespaces/pay/pods?watch=true")).isEqualTo("kubectl get pods -n pay --watch");
    }

    @Test
    void aPathOutsideTheApiIsARawRequest() {
        assertThat(KubectlLine.fromHttp("GET", "/healthz")).isEqualTo("kubectl get --raw /healthz");
    }
}
