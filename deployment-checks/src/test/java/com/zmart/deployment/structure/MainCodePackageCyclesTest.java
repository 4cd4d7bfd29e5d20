package com.zmart.deployment.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two packages of a module's main code use each other, directly or through others: each package can be read, and
 * moved, with only what it uses. (Test code is left out: a test of one part drives it through fixtures that build the
 * whole, so its packages use one another by design.)
 */
class MainCodePackageCyclesTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noModuleHasAPackageCycleInItsMainCode() throws IOException {
        Map<Path, List<Set<String>>> cycles = new TreeMap<>();
        List<Path> sourceRoots = mainSourceRoots();
        for (Path root : sourceRoots) {
            List<Set<String>> found = PackageGraph.of(root).cycles();
            if (!found.isEmpty()) {
                cycles.put(PROJECT.relativize(root), found);
            }
        }

        assertThat(sourceRoots).hasSizeGreaterThan(10);
        assertThat(cycles).as("packages that use one another, by module").isEmpty();
    }

    @Test
    void aCycleThroughAnImportOrAQualifiedNameIsFound(@TempDir Path root) throws IOException {
        write(root, "shop/orders/Order.java", "package shop.orders;\nimport shop.stock.Item;\nclass Order { Item item; }\n");
        write(root, "shop/stock/Item.java", "package shop.stock;\nclass Item { shop.billing.Invoice invoice; }\n");
        write(root, "shop/billing/Invoice.java", "package shop.billing;\n// shop.unknown.Thing in a comment counts for nothing\n"
                + "class Invoice { shop.orders.Order order; }\n");
        write(root, "shop/report/Report.java", "package shop.report;\nimport shop.orders.Order;\nclass Report { }\n");

        assertThat(PackageGraph.of(root).cycles()).containsExactly(Set.of("shop.orders", "shop.stock", "shop.billing"));
    }

    @Test
    void packagesUsedOneWayAreNoCycle(@TempDir Path root) throws IOException {
        write(root, "shop/orders/Order.java", "package shop.orders;\nimport shop.stock.Item;\nclass Order { Item item; }\n");
        write(root, "shop/stock/Item.java", "package shop.stock;\nclass Item { }\n");

        assertThat(PackageGraph.of(root).cycles()).isEmpty();
    }

    private static List<Path> mainSourceRoots() throws IOException {
        try (Stream<Path> paths = Files.walk(PROJECT, 4)) {
            return paths.filter(path -> path.endsWith(Path.of("src", "main", "java")))
                    .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/node_modules/"))
                    .sorted().toList();
        }
    }

    private static void write(Path root, String file, String source) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, source);
    }
}
