package dev.greenlight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.greenlight.archfixture.ForeignWriter;
import dev.greenlight.workspace.WorkspacePackage;

/**
 * The rules of docs/architecture.md, checked on every build: feature packages form no cycle, the shared packages know
 * no feature, each table is written only by the feature that owns it, and templates call no beans that query.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.greenlight";
    private static final Path SOURCES = Path.of("src/main/java/dev/greenlight");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Tables without an entity, and the package that owns each. Every table has one owner. */
    private static final Map<String, String> TABLES_WITHOUT_ENTITY = Map.of(
            "slack_channel", "notify",
            "slack_thread", "notify",
            "slack_request_seen", "notify",
            "incident_release", "incident",
            "open_review_slot", "approval",
            "review_queue_judgement", "approval");

    /** The beans templates may call: the viewer's name, the flash message and the form tokens; none queries. */
    private static final Set<String> TEMPLATE_BEANS = Set.of("currentUser", "flash", "csrf", "formToken");

    private static final Pattern SQL_WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into\\s+([a-z_][a-z0-9_]*)"
            + "|delete\\s+from\\s+([a-z_][a-z0-9_]*)|update\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?[a-z_]+)?\\s+set\\b)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern TEMPLATE_BEAN = Pattern.compile("\\b(?:inject|cdi):([a-zA-Z]+)(\\.[a-zA-Z]+)?");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(production);
    }

    @Test
    void theCommonPackageKnowsNoFeatureAndNoFramework() {
        classes().that()
                .resideInAPackage(ROOT + ".common..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(ROOT + ".common..", "java..", "jakarta.validation..", "jakarta.enterprise..",
                        "jakarta.inject..")
                .check(production);
    }

    @Test
    void theWebPackageKnowsOnlyCommonAndSecurity() {
        classes().that()
                .resideInAPackage(ROOT + ".web..")
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.describe(
                        "outside Greenlight or in web, common or security",
                        (JavaClass target) -> !target.getPackageName().startsWith(ROOT + ".")
                                || Set.of("web", "common", "security").contains(feature(target))))
                .check(production);
    }

    @Test
    void noFeatureReliesOnTheDemoData() {
        noClasses().that()
                .resideOutsideOfPackage(ROOT + ".demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".demo..")
                .check(production);
    }

    private static final ArchRule ENTITIES_WRITTEN_BY_THEIR_OWN_FEATURE = classes().that()
            .resideInAPackage(ROOT + "..")
            .should(new ArchCondition<JavaClass>("write only the entities of their own feature") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String feature = feature(origin);
                    for (JavaAccess<?> access : writes(origin)) {
                        JavaClass target = access.getTargetOwner();
                        if (target.isAnnotatedWith(Entity.class) && !feature.equals(feature(target))) {
                            events.add(SimpleConditionEvent.violated(origin,
                                    access.getDescription() + ": " + feature + " writes an entity of "
                                            + feature(target)));
                        }
                    }
                }
            });

    @Test
    void entitiesAreWrittenOnlyByTheirOwnFeature() {
        ENTITIES_WRITTEN_BY_THEIR_OWN_FEATURE.check(production);
    }

    @Test
    void theEntityRuleCatchesAFieldWrittenFromAnotherFeature() {
        JavaClasses foreign = new ClassFileImporter().importClasses(ForeignWriter.class, WorkspacePackage.class);
        assertThatThrownBy(() -> ENTITIES_WRITTEN_BY_THEIR_OWN_FEATURE.check(foreign))
                .hasMessageContaining("archfixture writes an entity of workspace");
    }

    private static List<JavaAccess<?>> writes(JavaClass origin) {
        List<JavaAccess<?>> writes = new ArrayList<>();
        origin.getFieldAccessesFromSelf()
                .stream()
                .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET)
                .forEach(writes::add);
        origin.getMethodCallsFromSelf()
                .stream()
                .filter(call -> Set.of("persist", "persistAndFlush", "delete", "deleteAll", "deleteById", "update")
                        .contains(call.getName()))
                .forEach(writes::add);
        return writes;
    }

    @Test
    void sqlWritesEachTableOnlyFromTheFeatureThatOwnsIt() throws IOException {
        Map<String, String> owners = tableOwners();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                String literals = literals(Files.readString(file));
                Matcher write = SQL_WRITE.matcher(literals);
                while (write.find()) {
                    String table = table(write).toLowerCase();
                    String owner = owners.get(table);
                    if (owner == null) {
                        violations.add(file + " writes table " + table + ", which has no declared owner");
                    } else if (!owner.equals(feature)) {
                        violations.add(file + " (" + feature + ") writes table " + table + " of " + owner);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theSqlScanFindsWritesInTextBlocksAndSplitLiterals() {
        String source = "em.createNativeQuery(\"update release set open_slots = ?\" + \" where id = ?\");\n"
                + "jdbc.prepare(\"\"\"\n    insert into open_review_slot (release_id, slot)\n    values (?, ?)\n\"\"\");\n"
                + "String message = \"Please update the release\";\n"
                + "@Operation(summary = \"Update an incident (optimistic locking on its version)\")\n"
                + "em.createNativeQuery(\"delete from incident_release where incident_id = ?\");";
        Matcher write = SQL_WRITE.matcher(literals(source));
        List<String> tables = new ArrayList<>();
        while (write.find()) {
            tables.add(table(write));
        }
        assertThat(tables).containsExactly("release", "open_review_slot", "incident_release");
    }

    @Test
    void templatesCallNoBeansThatQueryAndDecideNoPermissions() throws IOException {
        Map<String, String> violations = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher call = TEMPLATE_BEAN.matcher(Files.readString(file));
                while (call.find()) {
                    String bean = call.group(1);
                    String member = call.group(2) == null ? "" : call.group(2).substring(1);
                    if (!TEMPLATE_BEANS.contains(bean)) {
                        violations.merge(TEMPLATES.relativize(file).toString(), call.group(), (a, b) -> a + ", " + b);
                    } else if (member.startsWith("has") || member.startsWith("may")) {
                        // a permission asked in a template: it belongs to the feature's Permissions class
                        violations.merge(TEMPLATES.relativize(file).toString(), call.group(), (a, b) -> a + ", " + b);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static String table(Matcher write) {
        for (int group = 1; group <= write.groupCount(); group++) {
            if (write.group(group) != null) {
                return write.group(group);
            }
        }
        throw new IllegalStateException("a write names its table");
    }

    /** Each entity's table belongs to the entity's feature; the rest are declared above. */
    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>(TABLES_WITHOUT_ENTITY);
        for (JavaClass entity : production) {
            if (entity.isAnnotatedWith(Entity.class) && entity.isAnnotatedWith(Table.class)) {
                String table = entity.getAnnotationOfType(Table.class).name();
                String previous = owners.put(table, feature(entity));
                assertThat(previous).as("table %s has one owner", table).isIn(null, feature(entity));
            }
        }
        return owners;
    }

    /** The string literals of a source file (text blocks too), joined so that a split statement reads whole. */
    private static String literals(String source) {
        Matcher literal = STRING_LITERAL.matcher(source);
        StringBuilder joined = new StringBuilder();
        while (literal.find()) {
            joined.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
        }
        return joined.toString().replaceAll("\\s+", " ");
    }

    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return name;
        }
        return Stream.of(name.substring(ROOT.length() + 1).split("\\.")).findFirst().orElseThrow();
    }
}
