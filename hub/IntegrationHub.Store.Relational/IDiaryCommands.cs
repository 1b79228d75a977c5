namespace IntegrationHub.Store.Relational;

/// <summary>
/// The SQL of the hub diary. Statements that return registrations select the columns
/// <see cref="DiaryRows"/> maps; parameters are named as the shared flow binds them.
/// </summary>
internal interface IDiaryCommands
{
    /// <summary>Takes the next running number of (@Municipality, @Diary, @Year) in the transaction, and returns it.</summary>
    string NextRunningNumber { get; }

    /// <summary>Takes the next löpnummer of case @CaseId; no row when the case does not exist.</summary>
    string NextDocumentNumber { get; }

    /// <summary>Stores a registration (<see cref="DiaryRows.Parameters"/>).</summary>
    string InsertRegistration { get; }

    /// <summary>Writes a changed registration, only over the version before it.</summary>
    string UpdateRegistration { get; }

    /// <summary>Keeps a registration's state before a change.</summary>
    string InsertHistory { get; }

    /// <summary>The registration @Id.</summary>
    string SelectRegistration { get; }

    /// <summary>The case registration of @CaseId.</summary>
    string SelectCaseRegistration { get; }

    /// <summary>The registration of the event @EventSequence.</summary>
    string SelectRegistrationByEvent { get; }

    /// <summary>The registrations of @CaseId, case registration first, then by löpnummer.</summary>
    string SelectCaseRegistrations { get; }

    /// <summary>The history of registration @Id, oldest first.</summary>
    string SelectHistory { get; }

    /// <summary>Search: the base (@Municipality), one AND-ed filter per criterion given, then <see cref="SearchOrder"/>.</summary>
    string SearchBase { get; }

    /// <summary>Filter on @Diary.</summary>
    string SearchByDiary { get; }

    /// <summary>Document date from @From.</summary>
    string SearchFrom { get; }

    /// <summary>Document date to @To.</summary>
    string SearchTo { get; }

    /// <summary>@Text (normalised by <see cref="DiaryRules.Normalise"/>) within the stored search text.</summary>
    string SearchByText { get; }

    /// <summary>By document date, then diarienummer, then löpnummer; @Limit and @Offset.</summary>
    string SearchOrder { get; }

    /// <summary>Sets the diarienummer of case @CaseId only if it has none.</summary>
    string SetCaseDiarienummer { get; }

    /// <summary>The diarienummer columns of case @CaseId.</summary>
    string SelectCaseDiarienummer { get; }

    /// <summary>Writes the diary numbers onto the event @Sequence.</summary>
    string AnnotateEvent { get; }

    /// <summary>Reports a conflict (idempotent per case and event).</summary>
    string InsertConflict { get; }

    /// <summary>The conflicts of @Municipality, newest first.</summary>
    string SelectConflicts { get; }
}
