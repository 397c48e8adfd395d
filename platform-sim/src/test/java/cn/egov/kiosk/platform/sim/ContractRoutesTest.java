package cn.egov.kiosk.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The simulator serves exactly the operations of docs/platform-api.yaml: every path and method of
 * the contract has a route, every route is in the contract, and the contract's unsigned operations
 * ({@code security: []}) are the simulator's unsigned ones.
 */
class ContractRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyOperationOfTheContractIsServedAndNothingElse() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../docs/platform-api.yaml").toFile());
        Set<String> contract = new TreeSet<>();
        Set<String> unsignedInContract = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            String example = p.getKey().replaceAll("\\{[^}]+}", "x-1");
            p.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey())) {
                    String key = op.getKey().toUpperCase(Locale.ROOT) + " " + example;
                    contract.add(key);
                    JsonNode security = op.getValue().get("security");
                    if (security != null && security.isArray() && security.isEmpty()) {
                        unsignedInContract.add(key);
                    }
                }
            });
        }
        Routes routes = new Routes(
                SimData.load(),
                Clock.systemUTC(),
                ZoneId.of("Asia/Shanghai"),
                new SignatureCheck(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")),
                new Ledger(),
                PlatformSimulator.DEFAULT_REGISTRATION_REPLAY);
        Set<String> served = new TreeSet<>();
        Set<String> unsignedServed = new TreeSet<>();
        for (String op : contract) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            for (Routes.Route r : routes.routes()) {
                if (r.method().equals(method) && r.path().matcher(path).matches()) {
                    served.add(op);
                    if (!r.signed()) {
                        unsignedServed.add(op);
                    }
                    break;
                }
            }
        }
        assertThat(served).as("contract operations the simulator serves").isEqualTo(contract);
        assertThat(unsignedServed).as("unsigned operations").isEqualTo(unsignedInContract);
        assertThat(routes.routes())
                .as("routes the contract does not have")
                .allSatisfy(r -> assertThat(contract.stream()
                                .anyMatch(op -> op.startsWith(r.method() + " ")
                                        && r.path()
                                                .matcher(op.substring(op.indexOf(' ') + 1))
                                                .matches()))
                        .as(r.method() + " " + r.path())
                        .isTrue());
        assertThat(contract).hasSizeGreaterThanOrEqualTo(30);
    }
}
