using Approvals.Applications;
using Microsoft.DurableTask.Client;

namespace Approvals.DirectService;

/// <summary>Read-side views over the direct-train bookings, from their published status.</summary>
public sealed class DirectServiceQueries(DurableTaskClient client)
{
    /// <summary>Instance ids of bookings start with this.</summary>
    public const string IdPrefix = "DS-";

    public async Task<IReadOnlyList<BookingStatusView>> ForApplicantAsync(string uscc, CancellationToken cancellationToken = default) =>
        (await EveryAsync(true, cancellationToken)).Where(b => string.Equals(b.Uscc, uscc, StringComparison.OrdinalIgnoreCase)).OrderByDescending(b => b.BookedAt).ToList();

    public async Task<IReadOnlyList<BookingStatusView>> ForProjectAsync(string projectCode, CancellationToken cancellationToken = default) =>
        (await EveryAsync(true, cancellationToken)).Where(b => string.Equals(b.ProjectCode, projectCode, StringComparison.OrdinalIgnoreCase)).OrderByDescending(b => b.BookedAt).ToList();

    /// <summary>A department's open bookings (the centre sees every one), those waiting for contact first, red first.</summary>
    public async Task<IReadOnlyList<BookingStatusView>> ForDepartmentAsync(string department, bool isCentre, CancellationToken cancellationToken = default) =>
        (await EveryAsync(false, cancellationToken))
            .Where(b => isCentre || b.Items.Any(i => string.Equals(i.Department, department, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(b => Rank(b.ContactLight)).ThenBy(b => b.BookedAt).ToList();

    /// <summary>Every open booking for the supervisor: red contact lights first, then overdue supplies.</summary>
    public async Task<IReadOnlyList<BookingStatusView>> BoardAsync(CancellationToken cancellationToken = default) =>
        (await EveryAsync(false, cancellationToken)).OrderBy(b => Rank(b.ContactLight)).ThenBy(b => b.BookedAt).ToList();

    private static int Rank(string? light) => light switch { "red" => 0, "yellow" => 1, "green" => 2, _ => 3 };

    private async Task<List<BookingStatusView>> EveryAsync(bool includeClosed, CancellationToken cancellationToken)
    {
        var bookings = new List<BookingStatusView>();
        await foreach (var instance in client.InstancesWithPrefixAsync(IdPrefix, cancellationToken))
        {
            if (instance.ReadCustomStatusAs<BookingStatusView>() is { } view && (includeClosed || view.Status != "closed")) bookings.Add(view);
        }
        return bookings;
    }
}
