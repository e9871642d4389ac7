package hello;

import dev.assay.dsl.check.CheckTarget;
import dev.assay.dsl.check.CustomMeasure;
import dev.assay.dsl.check.Reading;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/** {@code hello_rows}: the row count, through the check's one scan. */
public record HelloRows() implements CustomMeasure {

    @Override
    public String name() {
        return "hello_rows";
    }

    @Override
    public List<String> arguments() {
        return List.of();
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Handle<Long> rows = data.rows();
        return () -> RuleOutcome.measured(rule, rows.get());
    }
}
