namespace Approvals.Functions.Problems;

/// <summary>A store that cannot take a write (disk full, read-only folder, storage unreachable): 503, naming the store.</summary>
public static class StoreFaultProblem
{
    public static IResult? TryFrom(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 or 8 or 10 or 14 } sqlite)
            {
                // SQLITE_FULL (13), SQLITE_READONLY (8), SQLITE_IOERR (10), SQLITE_CANTOPEN (14: a folder that cannot be written).
                return Unavailable($"the embedded store cannot write: {sqlite.Message}");
            }
            if (e is UnauthorizedAccessException || (e is IOException io && (io.HResult & 0xFFFF) is 28 or 30 or 112))
            {
                // ENOSPC (28) and EROFS (30) on Linux, ERROR_DISK_FULL (112) on Windows; EACCES surfaces as UnauthorizedAccessException.
                return Unavailable($"the material store cannot write: {e.Message}");
            }
            if (e is global::Azure.RequestFailedException { Status: 0 or 503 or 500 } azure)
            {
                return Unavailable($"Azure Storage did not answer: {azure.Message.Split('\n')[0]}");
            }
        }
        return null;
    }

    private static IResult Unavailable(string detail) =>
        Results.Problem(detail + " Reads keep working; try the write again later.", statusCode: 503, title: "Store unavailable",
            type: "https://approvals.example/problems/store-unavailable");
}
