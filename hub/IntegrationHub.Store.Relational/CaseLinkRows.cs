using IntegrationHub.Store.Cases;

namespace IntegrationHub.Store.Relational;

/// <summary>Maps correlation rows to the contract's records.</summary>
internal static class CaseLinkRows
{
    public static CaseSourceId ReadSourceId(RelationalRow row) => new(
        row.Text("source_system"),
        row.Text("source_case_id"),
        row.Timestamp("linked_at"),
        row.Text("via"));

    public static CaseRelation ReadRelation(RelationalRow row) => new(
        row.Id("case_id"),
        row.Id("related_case_id"),
        row.Named<CaseRelationKind>("kind"),
        row.NullableText("collaboration_id"),
        row.Long("event_sequence"));
}
