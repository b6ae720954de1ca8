namespace Approvals.Applications;

/// <summary>How a command against an application ended; the API maps each to its status code.</summary>
public enum CommandOutcome
{
    /// <summary>Applied (202).</summary>
    Accepted,
    /// <summary>The same message id was applied before; nothing changed (202).</summary>
    Duplicate,
    /// <summary>The input is malformed (400).</summary>
    Invalid,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>No such application, task or commitment (404).</summary>
    NotFound,
    /// <summary>The state does not allow it, e.g. the task is already decided (409).</summary>
    Conflict,
    /// <summary>The orchestration did not answer in time; the same request again is safe (503).</summary>
    Unavailable,
}

/// <summary>A command's outcome with a reason a person can read.</summary>
public sealed record CommandResult(CommandOutcome Outcome, string Detail)
{
    public bool Succeeded => Outcome is CommandOutcome.Accepted or CommandOutcome.Duplicate;

    public static CommandResult Accepted(string detail) => new(CommandOutcome.Accepted, detail);
}
