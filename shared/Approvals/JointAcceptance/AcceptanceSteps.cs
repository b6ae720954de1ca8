namespace Approvals.JointAcceptance;

/// <summary>
/// The steps of a joint completion acceptance (竣工联合验收) in the Liaocheng "accepted means certified" (联验即发证) plan,
/// in order. Each is a working-day deadline counted from acceptance; the names are the wire names in data and status.
/// </summary>
public static class AcceptanceSteps
{
    /// <summary>The lead window sends opinion requests (意见征求) to every department of the chosen stages.</summary>
    public const string OpinionRequests = "opinion-requests";

    /// <summary>The departments inspect the site together at one appointment (现场联合勘验) and record findings.</summary>
    public const string SiteInspection = "site-inspection";

    /// <summary>Each department gives its opinion on each of its items: pass, or fail with rectification items.</summary>
    public const string DepartmentOpinions = "department-opinions";

    /// <summary>One acceptance opinion (验收意见汇总表) merging every department's opinion.</summary>
    public const string AcceptanceOpinion = "acceptance-opinion";

    /// <summary>The archive certificate (档案存档证明) from the construction archives.</summary>
    public const string ArchiveCertificate = "archive-certificate";

    /// <summary>First real-estate registration (不动产首次登记, 验登合一): the registration centre answers with the certificate number.</summary>
    public const string FirstRegistration = "first-registration";

    /// <summary>Every step, in order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [OpinionRequests, SiteInspection, DepartmentOpinions, AcceptanceOpinion, ArchiveCertificate, FirstRegistration];
}
