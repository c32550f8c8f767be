package io.switchboard.security;

import static io.restassured.RestAssured.given;
import static io.switchboard.testsupport.Api.as;
import static io.switchboard.testsupport.Api.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.switchboard.testsupport.SandboxConsent;
import io.switchboard.testsupport.Api;

/**
 * Every route the running service registers (read from /q/openapi) × anonymous, outsider, app user and editor, against
 * the expectations in {@code security/routes.txt}. A route without a line there fails, so a new endpoint cannot skip
 * the matrix. Every answer is also checked for a 5xx, for an error without a sentence and for a provider token.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final String CSRF = "matrixmatrixmatrixmatr";
    private static final Map<String, String> SESSIONS = new HashMap<>();

    enum Caller {
        ANONYMOUS(null), OUTSIDER("outsider"), APP_USER("member"), EDITOR("editor");

        final String user;

        Caller(String user) {
            this.user = user;
        }
    }

    record Route(String method, String path, String access, boolean page, Set<Integer> ok, String json, String form,
            String query) {
        String key() {
            return method + " " + path;
        }

        static Map<String, Route> load() throws Exception {
            Map<String, Route> routes = new LinkedHashMap<>();
            try (var in = new BufferedReader(new InputStreamReader(
                    AuthorizationMatrixTest.class.getResourceAsStream("/security/routes.txt"), StandardCharsets.UTF_8))) {
                for (String line : in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                    String[] parts = line.split("\\s+", 5);
                    Set<Integer> ok = new TreeSet<>();
                    String json = null, form = null, query = null;
                    String rest = parts.length > 4 ? parts[4] : "";
                    for (String option : rest.isEmpty() ? new String[0] : rest.split(" (?=(ok|json|form|query)=)")) {
                        String value = option.substring(option.indexOf('=') + 1);
                        switch (option.substring(0, option.indexOf('='))) {
                            case "ok" -> Arrays.stream(value.split(",")).map(Integer::valueOf).forEach(ok::add);
                            case "json" -> json = value;
                            case "form" -> form = value;
                            case "query" -> query = value;
                            default -> throw new IllegalArgumentException(line);
                        }
                    }
                    Route route = new Route(parts[0], parts[1], parts[2], parts[3].equals("page"), ok, json, form, query);
                    assertThat(Set.of("public", "client", "signed-in", "app-user", "editor")).as(line).contains(route.access);
                    routes.put(route.key(), route);
                }
            }
            return routes;
        }
    }

    /** One app with a member, a record, a shared Gmail connection, a flow and a conversation per person. */
    record Fixture(String app, String record, String connection, String flow, String sandboxQuery,
            Map<String, String> conversations) {
        static Fixture create() {
            String app = Api.createTasksAppWithMember();
            String record = Api.addRecord("editor", app, "Todo", Map.of("title", "Water the plants"));
            SandboxConsent.consent(authorizeUrl(app), "editor", "approve").then().statusCode(303);
            String connection = editor().get("/api/apps/" + app + "/connections").then().statusCode(200).extract()
                    .path("[0].id");
            String flow = editor().body(Map.of("connector", "gmail", "action", "gmail.send_email", "trigger",
                    Map.of("type", "manual"), "inputs", Map.of("to", "{user.email}"), "connectionMode", "shared"))
                    .post("/api/apps/" + app + "/flows").then().statusCode(201).extract().path("id");
            String editorChat = conversation("editor", app);
            return new Fixture(app, record, connection, flow, URI.create(authorizeUrl(app)).getRawQuery(),
                    Map.of("editor", editorChat, "member", conversation("member", app)));
        }

        static String authorizeUrl(String app) {
            return editor().body(Map.of("connector", "gmail", "mode", "shared", "action", "gmail.send_email"))
                    .post("/api/apps/" + app + "/connections").then().statusCode(200).extract().path("authorizeUrl");
        }

        static String conversation(String user, String app) {
            return as(user).post("/api/apps/" + app + "/conversations").then().statusCode(201).extract().path("id");
        }

        String conversationOf(Caller caller) {
            return conversations.getOrDefault(String.valueOf(caller.user), conversations.get("editor"));
        }

        /** The route's path with its parameters bound to this fixture's ids. */
        String path(String template, Caller caller) {
            Matcher param = Pattern.compile("\\{(\\w+)}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (param.find()) {
                String before = template.substring(0, param.start());
                String value = switch (param.group(1)) {
                    case "appId" -> app;
                    case "entity" -> "Todo";
                    case "id" -> before.endsWith("/records/") ? record : connection;
                    case "connectionId" -> connection;
                    case "flowId" -> flow;
                    case "cid" -> conversationOf(caller);
                    case "connectorId", "connector" -> "gmail";
                    case "path" -> "gmail/v1/users/me/messages/send";
                    default -> throw new IllegalArgumentException("No fixture value for {" + param.group(1) + "} in "
                            + template + ": add one to AuthorizationMatrixTest.Fixture");
                };
                param.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            param.appendTail(out);
            return out.toString();
        }

        String fill(String text, Caller caller) {
            return text.replace("{app}", app).replace("{record}", record).replace("{flow}", flow)
                    .replace("{connection}", connection).replace("{conversation}", conversationOf(caller))
                    .replace("{sandbox}", sandboxQuery);
        }
    }

    static List<String> registeredRoutes() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> routes = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains).sorted()
                .forEach(method -> routes.add(method.toUpperCase() + " " + path)));
        return routes;
    }

    static String session(String user) {
        return SESSIONS.computeIfAbsent(user, u -> {
            String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", u).formParam("j_password", u).post("/j_security_check")
                    .getCookie("quarkus-credential");
            assertThat(cookie).as("sign-in of " + u).isNotBlank();
            return cookie;
        });
    }

    static Response send(Route route, Fixture fixture, Caller caller) {
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false);
        if (route.page()) {
            request.accept("text/html");
            if (caller.user != null) {
                request.cookie("quarkus-credential", session(caller.user));
            }
        } else if (caller.user != null) {
            request.auth().preemptive().basic(caller.user, caller.user);
        }
        if (route.form() != null || route.page() && route.method().equals("POST")) {
            String form = route.form() == null ? "" : fixture.fill(route.form(), caller) + "&";
            request.cookie("csrf-token", CSRF).contentType("application/x-www-form-urlencoded")
                    .body(form + "csrf-token=" + CSRF);
        } else if (route.json() != null) {
            request.contentType("application/json").body(fixture.fill(route.json(), caller));
        } else if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
            request.contentType("application/json");
        }
        String path = fixture.path(route.path(), caller)
                + (route.query() == null ? "" : "?" + fixture.fill(route.query(), caller));
        return request.request(route.method(), path);
    }

    enum Outcome {
        ALLOWED, SIGN_IN, NOT_IN_APP, FORBIDDEN, NOT_FOR_PEOPLE
    }

    static Outcome expected(Route route, Caller caller) {
        if (route.access().equals("client")) {
            return Outcome.NOT_FOR_PEOPLE;
        }
        if (route.access().equals("public")) {
            return Outcome.ALLOWED;
        }
        return switch (caller) {
            case ANONYMOUS -> Outcome.SIGN_IN;
            case OUTSIDER -> route.access().equals("signed-in") ? Outcome.ALLOWED : Outcome.NOT_IN_APP;
            case APP_USER -> route.access().equals("editor") ? Outcome.FORBIDDEN : Outcome.ALLOWED;
            case EDITOR -> Outcome.ALLOWED;
        };
    }

    /** Checks one call and says whether it went through. */
    static boolean check(Route route, Fixture fixture, Caller caller) {
        Response response = send(route, fixture, caller);
        int status = response.statusCode();
        String body = response.asString();
        String location = response.getHeader("Location");
        String seen = route.key() + " as " + caller + " answered " + status + " " + (location == null ? "" : location + " ")
                + body.substring(0, Math.min(300, body.length()));
        assertThat(status).as(seen).isLessThan(500);
        assertThat(body).as("provider token in " + seen).doesNotContain("sbx.");
        // the HTTP permission check refuses a call without credentials with a bare 401 before any resource runs
        if (status >= 400 && !route.page() && !(status == 401 && caller == Caller.ANONYMOUS)) {
            assertThat(response.jsonPath().getString("error")).as(seen).isNotBlank();
        }
        switch (expected(route, caller)) {
            case ALLOWED -> {
                assertThat(status >= 200 && status < 400 || route.ok().contains(status)).as(seen).isTrue();
                if (status == 302) {
                    assertThat(URI.create(location).getPath()).as("sent to sign in: " + seen).isNotEqualTo("/login");
                }
            }
            case SIGN_IN -> {
                if (route.page()) {
                    assertThat(status).as(seen).isEqualTo(302);
                    assertThat(URI.create(location).getPath()).as(seen).isEqualTo("/login");
                } else {
                    assertThat(status).as(seen).isEqualTo(401);
                }
            }
            case NOT_IN_APP -> assertThat(status).as(seen).isIn(403, 404);
            case FORBIDDEN -> assertThat(status).as(seen).isEqualTo(403);
            case NOT_FOR_PEOPLE -> assertThat(status).as(seen).isBetween(400, 499);
        }
        return status < 400;
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_asEveryCaller_getsWhatItsAccessAllows() throws Exception {
        Map<String, Route> expected = Route.load();
        return registeredRoutes().stream().map(key -> dynamicTest(key, () -> {
            Route route = expected.get(key);
            assertThat(route).as(key + " has no line in src/test/resources/security/routes.txt: say who may call it")
                    .isNotNull();
            Fixture fixture = Fixture.create();
            for (Caller caller : Caller.values()) {
                // a change that went through (a record deleted) gets a new fixture, so the next caller meets the same
                if (check(route, fixture, caller) && !route.method().equals("GET")) {
                    fixture = Fixture.create();
                }
            }
        }));
    }

    @Test
    void api_withAWrongPassword_is401WithASentence() {
        given().auth().preemptive().basic("editor", "wrong").get("/api/apps").then().statusCode(401)
                .body("error", org.hamcrest.Matchers.containsString("Sign in"));
    }

    @Test
    void routesFile_namesOnlyRegisteredRoutes() throws Exception {
        Set<String> registered = Set.copyOf(registeredRoutes());
        assertThat(Route.load().keySet().stream().filter(key -> !registered.contains(key)).collect(Collectors.toList()))
                .as("lines in security/routes.txt for routes the service no longer has").isEmpty();
    }
}
