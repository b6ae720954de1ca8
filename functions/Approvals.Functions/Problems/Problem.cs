namespace Approvals.Functions.Problems;

/// <summary>RFC 9457 answers with a stable type URI per kind of problem.</summary>
public static class Problem
{
    private const string Base = "https://approvals.example/problems/";

    public static IResult NotFound(string detail) => Results.Problem(detail, statusCode: 404, title: "Not found", type: Base + "not-found");

    public static IResult Forbidden(string detail) => Results.Problem(detail, statusCode: 403, title: "Forbidden", type: Base + "forbidden");

    public static IResult Conflict(string detail) => Results.Problem(detail, statusCode: 409, title: "Conflict", type: Base + "conflict");

    public static IResult TooLarge(string detail) => Results.Problem(detail, statusCode: 413, title: "Payload too large", type: Base + "too-large");

    public static IResult UnsupportedMediaType(string detail) => Results.Problem(detail, statusCode: 415, title: "Unsupported media type", type: Base + "unsupported-media-type");

    public static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: 400, title: "Bad request", type: Base + "bad-request");
}
