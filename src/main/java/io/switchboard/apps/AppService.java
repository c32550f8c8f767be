package io.switchboard.apps;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.switchboard.web.ApiException;

/** The one door to apps, their structure and who may do what in them. */
@ApplicationScoped
public class AppService {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_ENTITIES = 50;
    private static final int MAX_FIELDS = 100;
    private static final int MAX_PAGES = 100;

    @Inject
    Clock clock;

    public record NewApp(String name, Plan plan, String timezone, List<EntityDef> entities, List<String> pages) {
    }

    @Transactional
    public AppView create(NewApp request, String user) {
        if (request == null) {
            throw ApiException.badRequest("Send the app as JSON: {\"name\": \"...\", \"plan\": \"builder\", ...}.");
        }
        String name = requireText(request.name(), "name", 200);
        String timezone = request.timezone() == null ? "UTC" : zone(request.timezone());
        List<EntityDef> entities = request.entities() == null ? List.of() : request.entities();
        validateEntities(entities);
        entities = entities.stream()
                .map(e -> new EntityDef(e.name(), e.fields() == null ? List.of() : e.fields())).toList();
        List<String> pages = request.pages() == null ? List.of() : request.pages();
        if (pages.size() > MAX_PAGES) {
            throw ApiException.badRequest("An app can list at most " + MAX_PAGES + " pages.");
        }
        pages.forEach(page -> requireText(page, "pages[]", 100));

        App app = new App();
        app.id = UUID.randomUUID().toString();
        app.name = name;
        app.plan = request.plan() == null ? Plan.FREE : request.plan();
        app.timezone = timezone;
        app.entitiesJson = JsonColumn.write(entities);
        app.pagesJson = JsonColumn.write(pages);
        app.createdBy = user;
        app.createdAt = clock.instant();
        app.persist();

        Member editor = new Member();
        editor.appId = app.id;
        editor.user = user;
        editor.role = Role.EDITOR;
        editor.persist();
        return app.view();
    }

    public List<AppView> appsOf(String user) {
        List<String> ids = Member.<Member> list("user = ?1", user).stream().map(m -> m.appId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return App.<App> list("id in ?1 order by createdAt", ids).stream().map(App::view).toList();
    }

    /** The app, if {@code user} belongs to it. */
    public AppView view(String appId, String user) {
        roleOf(appId, user);
        return find(appId);
    }

    /** For internal callers (schedulers, runners) that act on behalf of the app itself. */
    public AppView find(String appId) {
        App app = App.findById(appId);
        if (app == null) {
            throw ApiException.notFound("No app with id '" + appId + "'.");
        }
        return app.view();
    }

    public Role roleOf(String appId, String user) {
        if (App.findById(appId) == null) {
            throw ApiException.notFound("No app with id '" + appId + "'.");
        }
        Member member = Member.find(appId, user);
        if (member == null) {
            throw ApiException.forbidden("You are not a member of this app.");
        }
        return member.role;
    }

    public void requireEditor(String appId, String user) {
        if (roleOf(appId, user) != Role.EDITOR) {
            throw ApiException.forbidden("Only the app's editors can do this.");
        }
    }

    public List<Member> members(String appId) {
        return Member.ofApp(appId);
    }

    @Transactional
    public Member addMember(String appId, String user, Role role, String caller) {
        requireEditor(appId, caller);
        String name = requireText(user, "user", 200);
        if (role == null) {
            throw ApiException.badRequest("Give the member a role: 'editor' or 'user'.");
        }
        Member member = Member.find(appId, name);
        if (member == null) {
            member = new Member();
            member.appId = appId;
            member.user = name;
            member.role = role;
            member.persist();
        }
        member.role = role;
        return member;
    }

    private static void validateEntities(List<EntityDef> entities) {
        if (entities.size() > MAX_ENTITIES) {
            throw ApiException.badRequest("An app can have at most " + MAX_ENTITIES + " entities.");
        }
        Set<String> names = new HashSet<>();
        for (EntityDef entity : entities) {
            if (entity == null || entity.name() == null || !IDENTIFIER.matcher(entity.name()).matches()) {
                throw ApiException.badRequest("Entity names start with a letter and hold only letters, digits and _"
                        + " (at most 64 characters); got '" + (entity == null ? null : entity.name()) + "'.");
            }
            if (!names.add(entity.name().toLowerCase())) {
                throw ApiException.badRequest("Entity '" + entity.name() + "' is declared twice.");
            }
            List<EntityDef.Field> fields = entity.fields() == null ? List.of() : entity.fields();
            if (fields.size() > MAX_FIELDS) {
                throw ApiException.badRequest("Entity '" + entity.name() + "' has more than " + MAX_FIELDS + " fields.");
            }
            Set<String> fieldNames = new HashSet<>();
            for (EntityDef.Field field : fields) {
                if (field == null || field.name() == null || !IDENTIFIER.matcher(field.name()).matches()) {
                    throw ApiException.badRequest("Field names in '" + entity.name()
                            + "' start with a letter and hold only letters, digits and _; got '"
                            + (field == null ? null : field.name()) + "'.");
                }
                if (field.type() == null) {
                    throw ApiException.badRequest("Field '" + entity.name() + "." + field.name()
                            + "' needs a type: string, text, number, date, datetime, boolean or email.");
                }
                if (!fieldNames.add(field.name())) {
                    throw ApiException.badRequest("Field '" + entity.name() + "." + field.name() + "' is declared twice.");
                }
            }
        }
    }

    private static String zone(String timezone) {
        try {
            return ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("Unknown time zone '" + timezone + "': use an IANA name such as Europe/Paris.");
        }
    }

    static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Field '" + field + "' is required and cannot be blank.");
        }
        if (value.length() > max) {
            throw ApiException.badRequest("Field '" + field + "' is longer than " + max + " characters.");
        }
        return value.strip();
    }
}
