namespace Approvals.Functions.Hosting;

/// <summary>
/// The names of every Azure resource the app reads or writes. infra-bicep declares the same names;
/// tests in tests/Approvals.Functions.Tests keep the two from drifting apart.
/// </summary>
public static class AzureResourceNames
{
    /// <summary>Service Bus queue carrying department decisions (api.md, "Departments").</summary>
    public const string DepartmentResponsesQueue = "department-responses";

    /// <summary>Storage queue that wakes the engine for orchestration work.</summary>
    public const string EngineControlQueue = "approvals-control";

    /// <summary>Storage queue that wakes the engine for activity work.</summary>
    public const string EngineActivitiesQueue = "approvals-activities";

    /// <summary>Engine tables: instances and histories.</summary>
    public const string EngineInstancesTable = "ApprovalsInstances";

    public const string EngineHistoryTable = "ApprovalsHistory";

    /// <summary>Engine table: delayed messages (durable timers) indexed by due time.</summary>
    public const string EngineTimersTable = "ApprovalsTimers";

    /// <summary>Blob container for engine payloads too large for a table row.</summary>
    public const string EnginePayloadsContainer = "approvals-payloads";

    /// <summary>Blob container for applicants' materials, content-addressed by SHA-256.</summary>
    public const string MaterialsContainer = "materials";

    /// <summary>Blob container for certificate documents.</summary>
    public const string CertificatesContainer = "certificates";

    /// <summary>Table index of certificates.</summary>
    public const string CertificatesTable = "Certificates";

    /// <summary>Append-only credit records, partition = USCC.</summary>
    public const string CreditLedgerTable = "CreditLedger";

    /// <summary>Submission idempotency keys and processed department message ids.</summary>
    public const string IdempotencyTable = "Idempotency";

    /// <summary>Messages that could not be applied (e.g. department responses), with their reason, for a person to look at.</summary>
    public const string DeadLettersTable = "DeadLetters";

    /// <summary>Who uploaded each material (content-addressed blobs are shared; ownership is per applicant).</summary>
    public const string MaterialOwnersTable = "MaterialOwners";

    /// <summary>Every queue, table and container, for consistency checks.</summary>
    public static IReadOnlyList<string> StorageQueues { get; } = [EngineControlQueue, EngineActivitiesQueue];

    public static IReadOnlyList<string> ServiceBusQueues { get; } = [DepartmentResponsesQueue];

    public static IReadOnlyList<string> Tables { get; } = [EngineInstancesTable, EngineHistoryTable, EngineTimersTable, CertificatesTable, CreditLedgerTable, IdempotencyTable, DeadLettersTable, MaterialOwnersTable];

    public static IReadOnlyList<string> Containers { get; } = [EnginePayloadsContainer, MaterialsContainer, CertificatesContainer];

    /// <summary>App settings the code reads in Azure (identity-based connections: no keys).</summary>
    public static IReadOnlyList<string> AppSettings { get; } =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "ServiceBusConnection__fullyQualifiedNamespace",
        "ServiceBusConnection__credential",
        "ServiceBusConnection__clientId",
        "Storage__Mode",
        "Storage__AccountName",
        "Storage__ManagedIdentityClientId",
        "Portal__PublicBaseUrl",
        "Triggers__Local",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];
}
