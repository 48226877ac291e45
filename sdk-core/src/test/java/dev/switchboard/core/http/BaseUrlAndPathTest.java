package dev.switchboard.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BaseUrlAndPathTest {

  @Test
  void httpsAndLoopbackHttpAreAccepted() {
    assertThat(BaseUrl.require("https://omni.futwork.com/api/", "p"))
        .hasToString("https://omni.futwork.com/api");
    assertThat(BaseUrl.require("http://localhost:8080/api", "p"))
        .hasToString("http://localhost:8080/api");
    assertThat(BaseUrl.require("http://127.0.0.1:9/x", "p")).hasToString("http://127.0.0.1:9/x");
    assertThat(BaseUrl.require("http://[::1]:9", "p")).hasToString("http://[::1]:9");
  }

  @Test
  void plainHttpToAnotherHostFailsNamingTheProperty() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> BaseUrl.require("http://omni.futwork.com/api", "futwork.workflows.base-url"))
        .withMessageContaining("futwork.workflows.base-url must use https");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BaseUrl.require("http://localhost.evil.com/api", "p"))
        .withMessageContaining("must use https");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BaseUrl.require("ftp://x.com", "p"))
        .withMessageContaining("p must be an absolute https URL");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BaseUrl.require("", "futwork.campaigns.base-url"))
        .withMessageContaining("Set futwork.campaigns.base-url");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BaseUrl.require("https://u:pw@x.com", "p"))
        .withMessageContaining("must not carry user info");
  }

  @Test
  void pathVariablesAreEncodedAsOneSegment() {
    assertThat(ApiPath.of("/workflows/{id}/leads", "wf_6512"))
        .isEqualTo("/workflows/wf_6512/leads");
    assertThat(ApiPath.of("/workflows/{id}/leads", "a/b?c=d#e"))
        .isEqualTo("/workflows/a%2Fb%3Fc=d%23e/leads");
    assertThat(ApiPath.of("/x/{a}/{b}", "1", "é x")).isEqualTo("/x/1/%C3%A9%20x");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ApiPath.of("/workflows/{workflowId}/leads", " "))
        .withMessage("workflowId must not be blank");
    assertThatIllegalArgumentException().isThrownBy(() -> ApiPath.of("/w/{workflowId}", ".."));
  }

  @Test
  void rawPathsMustStayOnTheBaseUrl() {
    assertThat(ApiPath.requireRelative("/v1/contacts?page=2")).isEqualTo("/v1/contacts?page=2");
    for (String bad :
        new String[] {"https://evil.com/x", "//evil.com/x", "x/y", "/a b", "/a\\b", null}) {
      assertThatIllegalArgumentException().as(bad).isThrownBy(() -> ApiPath.requireRelative(bad));
    }
  }
}
