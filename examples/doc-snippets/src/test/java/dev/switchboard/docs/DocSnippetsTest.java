package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of README.md and docs/*.md compiles against the SDK, as shown: its imports
 * are in the block. A block that declares a type is compiled as a source file; one that starts with
 * members ({@code @EventListener void on(...)}) inside a class; anything else as the body of a
 * method. A block right after {@code <!-- path/to/File.java -->} must be that file, word for word,
 * and is compiled with the main sources of the project it belongs to.
 */
class DocSnippetsTest {

  /**
   * Documents whose snippets do not carry their imports yet; each is reported as skipped, so the
   * list stays visible until it is empty.
   */
  private static final Set<String> WITHOUT_IMPORTS_YET = Set.of();

  private static final Pattern FILE_MARKER = Pattern.compile("<!-- (\\S+\\.java) -->");
  private static final Pattern TYPE_DECLARATION =
      Pattern.compile(
          "(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
              + "(?:(?:public|final|abstract|sealed|non-sealed|static)\\s+)*"
              + "(?:class|record|interface|enum|@interface)\\s+(\\w+)");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(?m)^(?:@\\w+(?:\\([^)]*\\))?\\s+)*public\\s+"
              + "(?:(?:final|abstract|sealed|non-sealed)\\s+)*"
              + "(?:class|record|interface|enum|@interface)\\s+(\\w+)");
  private static final Pattern MEMBER_START =
      Pattern.compile("^(?:@|void\\s|public\\s|protected\\s|private\\s|static\\s)");

  @TempDir Path classes;

  /** One snippet: where it is, what it holds, and the file it claims to be, if any. */
  record Snippet(String document, int line, String code, String file) {
    @Override
    public String toString() {
      return document + ":" + line;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles() {
    return snippets().stream()
        .map(
            snippet ->
                DynamicTest.dynamicTest(
                    snippet.toString(),
                    () -> {
                      Assumptions.assumeFalse(
                          WITHOUT_IMPORTS_YET.contains(snippet.document()),
                          snippet.document() + " does not carry its snippets' imports yet");
                      compile(snippet);
                    }));
  }

  @Test
  void findsTheSnippets() {
    List<Snippet> all = snippets();
    assertThat(all).extracting(Snippet::document).contains("README.md", "docs/sandbox.md");
    assertThat(all)
        .filteredOn(s -> s.document().equals("docs/sandbox.md") && s.file() != null)
        .extracting(Snippet::file)
        .containsExactly("examples/user-project/src/test/java/com/example/orders/DialerTest.java");
  }

  @Test
  void wrapsEachKindOfSnippetSoThatOnlyItsOwnMistakesFail() throws IOException {
    String members =
        "import dev.switchboard.futwork.webhook.WorkflowPostCall;\n"
            + "import org.springframework.context.event.EventListener;\n\n"
            + "@EventListener\nvoid on(WorkflowPostCall call) { call.referenceId(); }\n";
    String statements =
        "import dev.switchboard.futwork.lead.LeadClient;\n\n"
            + "LeadClient leads = LeadClient.builder().apiKey(\"k\").build();\n";
    assertThat(errors(new Snippet("test", 1, members, null))).isEmpty();
    assertThat(errors(new Snippet("test", 1, statements, null))).isEmpty();
    assertThat(errors(new Snippet("test", 1, statements.substring(statements.indexOf("\n")), null)))
        .anyMatch(e -> e.contains("LeadClient"));
  }

  private void compile(Snippet snippet) throws IOException {
    if (snippet.file() != null) {
      assertThat(snippet.code())
          .as("%s must show %s as it is", snippet, snippet.file())
          .isEqualTo(Files.readString(root().resolve(snippet.file())));
    }
    List<String> errors = errors(snippet);
    assertThat(errors)
        .as("%s does not compile:%n%s%n%s", snippet, numbered(snippet.code()), errors)
        .isEmpty();
  }

  private List<String> errors(Snippet snippet) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      List<JavaFileObject> sources = new ArrayList<>();
      sources.add(source(snippet));
      if (snippet.file() != null) {
        Path mainSources = mainSourcesOf(root().resolve(snippet.file()));
        try (Stream<Path> paths = Files.walk(mainSources)) {
          files
              .getJavaFileObjectsFromPaths(
                  paths.filter(p -> p.toString().endsWith(".java")).toList())
              .forEach(sources::add);
        }
      }
      List<String> options =
          List.of(
              "--release", "17", "-proc:none", "-d", classes.toString(), "-classpath", classPath());
      compiler.getTask(null, files, diagnostics, options, null, sources).call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
        .toList();
  }

  /** The snippet as a compilation unit, wrapped in a class or a method when it is not one. */
  private static JavaFileObject source(Snippet snippet) {
    List<String> imports = new ArrayList<>();
    List<String> body = new ArrayList<>();
    for (String line : snippet.code().split("\n", -1)) {
      if (body.stream().allMatch(String::isBlank)
          && (line.startsWith("import ") || line.startsWith("package "))) {
        imports.add(line);
      } else {
        body.add(line);
      }
    }
    String code = String.join("\n", body);
    String name = "Snippet";
    String unit;
    Matcher publicType = PUBLIC_TYPE.matcher(code);
    if (TYPE_DECLARATION.matcher(code).find()) {
      name = publicType.find() ? publicType.group(1) : name;
      unit = snippet.code();
    } else if (MEMBER_START.matcher(firstCodeLine(body)).find()) {
      unit = String.join("\n", imports) + "\nclass Snippet {\n" + code + "\n}\n";
    } else {
      unit =
          String.join("\n", imports)
              + "\nclass Snippet {\n  void snippet() throws Exception {\n"
              + code
              + "\n  }\n}\n";
    }
    String sourceName = name;
    return new SimpleJavaFileObject(
        URI.create("string:///" + sourceName + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return unit;
      }
    };
  }

  private static String firstCodeLine(List<String> body) {
    return body.stream().filter(l -> !l.isBlank() && !l.startsWith("//")).findFirst().orElse("");
  }

  /**
   * {@code .../src/test/java/...} or {@code .../src/main/java/...}: that project's main sources.
   */
  private static Path mainSourcesOf(Path file) {
    Path dir = file.getParent();
    while (dir != null && !dir.getFileName().toString().equals("src")) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(file + " is not under a src/ folder");
    }
    return dir.resolve("main").resolve("java");
  }

  private static List<Snippet> snippets() {
    Path root = root();
    List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Snippet> snippets = new ArrayList<>();
    for (Path document : documents) {
      String name = root.relativize(document).toString().replace('\\', '/');
      List<String> lines = read(document);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```java")) {
          continue;
        }
        int start = i + 1;
        int end = start;
        while (end < lines.size() && !lines.get(end).strip().equals("```")) {
          end++;
        }
        Matcher marker = i > 0 ? FILE_MARKER.matcher(lines.get(i - 1).strip()) : null;
        String file = marker != null && marker.matches() ? marker.group(1) : null;
        int indent = lines.get(i).indexOf('`');
        String code =
            lines.subList(start, end).stream()
                .map(line -> dedent(line, indent))
                .collect(Collectors.joining("\n", "", "\n"));
        snippets.add(new Snippet(name, start + 1, code, file));
        i = end;
      }
    }
    return snippets;
  }

  /** The line without the fence's indentation, as Markdown reads a block nested in a list item. */
  private static String dedent(String line, int indent) {
    int strip = 0;
    while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
      strip++;
    }
    return line.substring(strip);
  }

  private static List<String> read(Path document) {
    try {
      return Files.readAllLines(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String numbered(String code) {
    String[] lines = code.split("\n");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static Path root() {
    return Path.of(System.getProperty("switchboard.root", "../..")).toAbsolutePath().normalize();
  }
}
