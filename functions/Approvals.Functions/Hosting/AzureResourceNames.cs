namespace Approvals.Functions.Hosting;

/// <summary>
/// The names of every Azure resource the app reads or writes. infra-bicep declares the same names;
/// tests in tests/Approvals.Functions.Tests keep the two from drifting apart.
/// </summary>
public static class AzureResourceNames
{
    /// <summary>Storage queue carrying department decisions (api.md, "Departments"); the DepartmentResponse queue trigger reads it.</summary>
    public const string DepartmentResponsesQueue = "department-responses";

    /// <summary>Service Bus topic of department notifications (a task dispatched, a deadline near), subscription per department.</summary>
    public const string DepartmentTasksTopic = Approvals.Azure.Notifications.ServiceBusDepartmentNotifier.Topic;

    /// <summary>The Durable Functions task hub (host.json <c>extensions.durableTask.hubName</c>); the extension creates its own queues, tables and blobs.</summary>
    public const string TaskHub = "approvals";

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
    public static IReadOnlyList<string> StorageQueues { get; } = [DepartmentResponsesQueue];

    public static IReadOnlyList<string> ServiceBusTopics { get; } = [DepartmentTasksTopic];

    public static IReadOnlyList<string> Tables { get; } = [CertificatesTable, CreditLedgerTable, IdempotencyTable, DeadLettersTable, MaterialOwnersTable];

    public static IReadOnlyList<string> Containers { get; } = [MaterialsContainer, CertificatesContainer];

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
        "Auth__Authority",
        "Auth__Audience",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];
}
