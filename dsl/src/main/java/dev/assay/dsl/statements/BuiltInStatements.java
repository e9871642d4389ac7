package dev.assay.dsl.statements;

import dev.assay.dsl.lang.StatementType;
import java.util.List;

/** The statements Assay comes with, in the order they are listed to users. */
public final class BuiltInStatements {

    private BuiltInStatements() {
    }

    public static List<StatementType> all() {
        return List.of(LoadStatement.TYPE, ShowStatement.TYPE, ProfileStatement.TYPE, DuplicatesStatement.TYPE,
                DedupStatement.TYPE, SplitStatement.TYPE, SampleStatement.TYPE, LeakageStatement.TYPE, DriftStatement.TYPE,
                LabelsStatement.TYPE, ConflictsStatement.TYPE, CorrelationsStatement.TYPE, PinStatement.TYPE, VersionsStatement.TYPE, HistoryStatement.TYPE, DiffStatement.TYPE, CheckStatement.TYPE, SuggestStatement.TYPE, ReportStatement.TYPE, UseStatement.TYPE,
                CopyStatement.TYPE);
    }
}
