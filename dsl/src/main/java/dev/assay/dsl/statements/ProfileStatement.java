package dev.assay.dsl.statements;

import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.lang.StatementContext;
import dev.assay.dsl.lang.StatementReader;
import dev.assay.dsl.lang.StatementSyntax;
import dev.assay.dsl.lang.StatementType;
import dev.assay.dsl.lang.StatementType.Binding;
import dev.assay.dsl.lang.StatementType.Completion;
import dev.assay.dsl.lang.Token;
import dev.assay.dsl.profile.PhoneRegions;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code profile NAME [on COLS] [with (phone_regions='GB,US')]}; {@code phoneRegions} null: the default regions. */
public record ProfileStatement(String dataset, List<String> columns, PhoneRegions phoneRegions, Position position)
        implements Statement {

    /** The option of {@code profile ... with (...)}: the regions of national phone formats. */
    static final String PHONE_REGIONS = "phone_regions";

    public static final StatementType TYPE = new StatementSyntax("profile", Binding.NONE,
            "profile NAME [on COLUMNS] [with (phone_regions='GB,US')]",
            Completion.ofDataset("on", "with").columnsAfter("on"), List.of(), ProfileStatement::read);

    private static Statement read(StatementReader in, List<String> targets, Position at) {
        String dataset = in.name("a dataset name");
        List<String> columns = in.optionalColumns("on");
        PhoneRegions regions = null;
        if (in.acceptWord("with")) {
            Token value = in.peekAt(3); // ( phone_regions = VALUE: the only option, so the only value
            Map<String, Object> options = in.options(Set.of(PHONE_REGIONS));
            Object codes = options.get(PHONE_REGIONS);
            if (!(codes instanceof String text)) {
                throw new ParseException(value.position(), PHONE_REGIONS + " takes region codes in quotes, like '"
                        + String.join(",", PhoneRegions.DEFAULT_CODES) + "'");
            }
            regions = StatementReader.atPosition(value, () -> PhoneRegions.parse(text));
        }
        return new ProfileStatement(dataset, columns, regions, at);
    }

    @Override
    public Object run(StatementContext context) {
        return context.workspace().dataset(dataset).profile(columns,
                phoneRegions != null ? phoneRegions : PhoneRegions.defaults());
    }
}
