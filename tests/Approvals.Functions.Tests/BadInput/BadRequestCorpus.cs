namespace Approvals.Functions.Tests.BadInput;

/// <summary>
/// The bad-input corpus (issue 14, "Must show"): malformed, mistyped, oversized and hostile requests against every
/// endpoint of api.md. Each must answer 4xx problem+json and change nothing. Add a row to add a case.
/// </summary>
public static class BadRequestCorpus
{
    private const string App = "dev:applicant:{uscc}";
    private const string Hud = "dev:department:HUD";
    private const string Sup = "dev:supervisor:li";

    private static readonly string Huge = new('名', 200 * 1024 / 3);
    private static readonly string Mega = new('x', 1024 * 1024 + 16);
    private static readonly string LongQuery = new('q', 10 * 1024);

    /// <summary>The valid submission every submission case breaks in one way (a control test submits it as it is).</summary>
    public static string ValidSubmission => Submission();

    /// <summary>A valid submission with <paramref name="project"/> as its project object and <paramref name="rest"/> appended.</summary>
    private static string Submission(string project = Project, string rest = "") =>
        "{\"applicant\":{\"uscc\":\"{uscc}\",\"name\":\"示范建设有限公司\"},\"project\":" + project +
        ",\"procedure\":\"commitment-approval\",\"items\":[\"CP-PERMIT\",\"CP-CIVILDEF\"],\"materials\":{materials}," +
        "\"commitments\":[{\"materialCode\":\"FUNDS-PROOF\",\"class\":\"retained\"}]" + rest + "}";

    private const string Project =
        "{\"code\":\"2609-350102-04-01-123456\",\"name\":\"示范厂房\",\"type\":\"industrial\",\"floorArea\":8000,\"height\":18,\"occupantDensity\":\"low\",\"technicalComplexity\":\"low\",\"socialInvestment\":true,\"keyProject\":false}";

    private static string ProjectWith(string field, string json) =>
        System.Text.RegularExpressions.Regex.Replace(Project, $"\"{field}\":(\"[^\"]*\"|[^,}}]+)", $"\"{field}\":{json}");

    private static string Decision(string decision = "\"approve\"", string item = "\"CP-PERMIT\"", string app = "\"{app}\"", string rest = "") =>
        "{\"applicationId\":" + app + ",\"item\":" + item + ",\"decision\":" + decision + rest + "}";

    private static BadRequest Submit(string name, string body, string? key = "corpus-key", string? skip = null, string contentType = "application/json") =>
        new(name, "POST", "/api/applications", App, body, contentType, key, skip);

    /// <summary>
    /// A NUL in the path is refused by the server before any app code runs: the in-memory test server throws while
    /// decoding it, and Kestrel answers 400 with an empty body. Nothing in the app can make that answer problem+json.
    /// </summary>
    private const string RefusedByTheServer = "a NUL in the path never reaches the app (the test server throws; Kestrel answers a bare 400)";

    private static BadRequest Decide(string name, string body, string? skip = null) => new(name, "POST", "/api/departments/HUD/decisions", Hud, body, Skip: skip);

    public static IEnumerable<BadRequest> All()
    {
        // Submissions (POST /api/applications)
        yield return Submit("not JSON", "{\"applicant\":");
        yield return Submit("JSON array instead of object", "[1,2,3]");
        yield return Submit("JSON string", "\"hello\"");
        yield return Submit("JSON null", "null");
        yield return Submit("empty body", "");
        yield return Submit("trailing garbage", Submission() + "garbage");
        yield return Submit("form instead of JSON", "applicant=x", contentType: "application/x-www-form-urlencoded");
        yield return Submit("text/plain", Submission(), contentType: "text/plain");
        yield return Submit("applicant is a number", Submission().Replace("{\"uscc\":\"{uscc}\",\"name\":\"示范建设有限公司\"}", "42"));
        yield return Submit("applicant.uscc is a number", Submission().Replace("\"{uscc}\"", "12345"));
        yield return Submit("applicant.uscc null", Submission().Replace("\"{uscc}\"", "null"));
        yield return Submit("applicant.uscc with a NUL", Submission().Replace("\"{uscc}\"", "\"{uscc}\\u0000\""));
        yield return Submit("someone else's uscc", Submission().Replace("\"{uscc}\"", "\"91110000600037341L\""));
        yield return Submit("items is a string", Submission().Replace("[\"CP-PERMIT\",\"CP-CIVILDEF\"]", "\"CP-PERMIT\""));
        yield return Submit("items with null", Submission().Replace("[\"CP-PERMIT\",\"CP-CIVILDEF\"]", "[null]"));
        yield return Submit("items with a number", Submission().Replace("[\"CP-PERMIT\",\"CP-CIVILDEF\"]", "[7]"));
        yield return Submit("items empty", Submission().Replace("[\"CP-PERMIT\",\"CP-CIVILDEF\"]", "[]"));
        yield return Submit("unknown item", Submission().Replace("[\"CP-PERMIT\",\"CP-CIVILDEF\"]", "[\"NO-SUCH-ITEM\"]"));
        yield return Submit("materials with null", Submission().Replace("{materials}", "[null]"));
        yield return Submit("materials is an object", Submission().Replace("{materials}", "{\"materialCode\":\"LAND-CERT\"}"));
        yield return Submit("materialId not hex", Submission().Replace("{materials}", "[{\"materialCode\":\"LAND-CERT\",\"materialId\":\"zz\"}]"));
        yield return Submit("materialId a number", Submission().Replace("{materials}", "[{\"materialCode\":\"LAND-CERT\",\"materialId\":1e309}]"));
        yield return Submit("commitments with null", Submission().Replace("[{\"materialCode\":\"FUNDS-PROOF\",\"class\":\"retained\"}]", "[null]"));
        yield return Submit("commitment class unknown", Submission().Replace("\"retained\"", "\"forever\""));
        yield return Submit("procedure unknown", Submission().Replace("commitment-approval", "bribery"));
        yield return Submit("procedure a number", Submission().Replace("\"commitment-approval\"", "3"));
        yield return Submit("floorArea 1e309 (infinity)", Submission(ProjectWith("floorArea", "1e309")));
        yield return Submit("floorArea 1e30", Submission(ProjectWith("floorArea", "1e30")));
        yield return Submit("floorArea negative", Submission(ProjectWith("floorArea", "-5")));
        yield return Submit("floorArea a string", Submission(ProjectWith("floorArea", "\"big\"")));
        yield return Submit("floorArea NaN string", Submission(ProjectWith("floorArea", "\"NaN\"")));
        yield return Submit("floorArea an object", Submission(ProjectWith("floorArea", "{}")));
        yield return Submit("height 1e23", Submission(ProjectWith("height", "1e23")));
        yield return Submit("height -1", Submission(ProjectWith("height", "-1")));
        yield return Submit("height 1e309", Submission(ProjectWith("height", "1e309")));
        yield return Submit("project name 200 KB", Submission(ProjectWith("name", $"\"{Huge}\"")));
        yield return Submit("project name with NUL", Submission(ProjectWith("name", "\"厂房\\u0000\"")));
        yield return Submit("project name with bidi override", Submission(ProjectWith("name", "\"厂房\\u202Egnp.exe\"")));
        yield return Submit("project name with isolate", Submission(ProjectWith("name", "\"\\u2066厂房\\u2069\"")));
        yield return Submit("applicant name with bidi mark", Submission().Replace("示范建设有限公司", "示范\\u202D建设"));
        yield return Submit("applicant name with control char", Submission().Replace("示范建设有限公司", "示范\\u0007建设"));
        yield return Submit("project code malformed", Submission(ProjectWith("code", "\"../../etc/passwd\"")));
        yield return Submit("project code with NUL", Submission(ProjectWith("code", "\"2609-350102-04-01-12345\\u00006\"")));
        yield return Submit("project type unknown", Submission(ProjectWith("type", "\"castle\"")));
        yield return Submit("socialInvestment a string", Submission(ProjectWith("socialInvestment", "\"yes\"")));
        yield return Submit("keyProject a number", Submission(ProjectWith("keyProject", "1")));
        yield return Submit("duplicate key procedure", Submission(rest: ",\"procedure\":\"joint-acceptance\""));
        yield return Submit("duplicate key project.floorArea", Submission(Project.Replace("\"floorArea\":8000", "\"floorArea\":8000,\"floorArea\":1e309")));
        yield return Submit("missing Idempotency-Key and bad body", Submission(ProjectWith("floorArea", "-1")), key: null);
        yield return Submit("missing Idempotency-Key and garbage", "{{{", key: null);
        yield return Submit("Idempotency-Key 300 chars", Submission(), key: new string('k', 300));
        yield return Submit("body over 1 MB", "{\"applicant\":\"" + Mega + "\"}");
        yield return Submit("deeply nested JSON", new string('[', 5000) + new string(']', 5000));
        yield return Submit("acceptanceStages a number on joint acceptance", Submission(rest: ",\"acceptanceStages\":5").Replace("commitment-approval", "joint-acceptance"));
        yield return Submit("invalid UTF-8 escape", Submission().Replace("示范厂房", "\\uD800"));
        yield return new("submission by a department", "POST", "/api/applications", Hud, Submission(), IdempotencyKey: "k");
        yield return new("submission anonymous", "POST", "/api/applications", null, Submission(), IdempotencyKey: "k");
        yield return new("submission with a forged token", "POST", "/api/applications", "dev:emperor:x", Submission(), IdempotencyKey: "k");

        // Guide (POST /api/guide)
        yield return new("guide not JSON", "POST", "/api/guide", null, "{");
        yield return new("guide stage unknown", "POST", "/api/guide", null, "{\"stage\":\"moon\"}");
        yield return new("guide projectType a number", "POST", "/api/guide", null, "{\"projectType\":5}");
        yield return new("guide answers an array", "POST", "/api/guide", null, "{\"answers\":[true]}");
        yield return new("guide answers with a string value", "POST", "/api/guide", null, "{\"answers\":{\"civilAirDefence\":\"yes\"}}");
        yield return new("guide answers with null", "POST", "/api/guide", null, "{\"answers\":{\"civilAirDefence\":null}}");
        yield return new("guide duplicate keys", "POST", "/api/guide", null, "{\"stage\":\"construction\",\"stage\":\"moon\"}");
        yield return new("guide over 1 MB", "POST", "/api/guide", null, "{\"projectType\":\"" + Mega + "\"}");
        yield return new("guide NUL in stage", "POST", "/api/guide", null, "{\"stage\":\"construction\\u0000\"}");
        yield return new("guide 200 KB projectType", "POST", "/api/guide", null, "{\"projectType\":\"" + Huge + "\"}");
        yield return new("guide as text/plain", "POST", "/api/guide", null, "{}", "text/plain");

        // Materials (POST /api/materials)
        yield return new("material not a PDF", "POST", "/api/materials", App, "MZ\u0090 not a pdf", "application/pdf");
        yield return new("material empty", "POST", "/api/materials", App, "", "application/pdf");
        yield return new("material by a department", "POST", "/api/materials", Hud, "%PDF-1.7\nx", "application/pdf");
        yield return new("material anonymous", "POST", "/api/materials", null, "%PDF-1.7\nx", "application/pdf");
        yield return new("material HTML", "POST", "/api/materials", App, "<html><script>alert(1)</script></html>", "text/html");

        // Application status, list, supply, resubmission
        yield return new("unknown application", "GET", "/api/applications/APP-NOPE", App);
        yield return new("application id 10 KB", "GET", "/api/applications/" + new string('A', 10 * 1024), App);
        yield return new("application id with encoded NUL", "GET", "/api/applications/APP%00x", App, Skip: RefusedByTheServer);
        yield return new("application id with encoded slash", "GET", "/api/applications/APP%2F..%2F..", App);
        yield return new("someone else's application", "GET", "/api/applications/{app}", "dev:applicant:91110000600037341L");
        yield return new("application anonymous", "GET", "/api/applications/{app}", null);
        yield return new("list with garbage continuationToken", "GET", "/api/applications?continuationToken=%%%garbage", App);
        yield return new("list with base64 garbage continuationToken", "GET", "/api/applications?continuationToken=ZXZpbA==", Sup);
        yield return new("list with NUL continuationToken", "GET", "/api/applications?continuationToken=%00", Sup);
        yield return new("list with from not a date", "GET", "/api/applications?from=yesterday", App);
        yield return new("list with to 1e309", "GET", "/api/applications?to=1e309", App);
        yield return new("list with pageSize a word", "GET", "/api/applications?pageSize=many", App);
        yield return new("list with pageSize 1e30", "GET", "/api/applications?pageSize=1e30", App);
        yield return new("list with 10 KB query", "GET", "/api/applications?status=" + LongQuery, App);
        yield return new("list by a department", "GET", "/api/applications", Hud);
        yield return new("list anonymous", "GET", "/api/applications", null);
        yield return new("supply not JSON", "POST", "/api/applications/{app}/materials", App, "{");
        yield return new("supply missing fields", "POST", "/api/applications/{app}/materials", App, "{}");
        yield return new("supply fields null", "POST", "/api/applications/{app}/materials", App, "{\"materialCode\":null,\"materialId\":null}");
        yield return new("supply materialCode a number", "POST", "/api/applications/{app}/materials", App, "{\"materialCode\":5,\"materialId\":\"{material}\"}");
        yield return new("supply an array", "POST", "/api/applications/{app}/materials", App, "[]");
        yield return new("supply not owned material", "POST", "/api/applications/{app}/materials", App, "{\"materialCode\":\"FUNDS-PROOF\",\"materialId\":\"" + new string('a', 64) + "\"}");
        yield return new("supply on unknown application", "POST", "/api/applications/APP-NOPE/materials", App, "{\"materialCode\":\"FUNDS-PROOF\",\"materialId\":\"{material}\"}");
        yield return new("supply over 1 MB", "POST", "/api/applications/{app}/materials", App, "{\"materialCode\":\"" + Mega + "\",\"materialId\":\"{material}\"}");
        yield return new("supply duplicate keys", "POST", "/api/applications/{app}/materials", App, "{\"materialCode\":\"FUNDS-PROOF\",\"materialCode\":\"LAND-CERT\",\"materialId\":\"{material}\"}");
        yield return new("supply by a department", "POST", "/api/applications/{app}/materials", Hud, "{\"materialCode\":\"FUNDS-PROOF\",\"materialId\":\"{material}\"}");
        yield return new("resubmission materials [null]", "POST", "/api/applications/{app}/resubmission", App, "{\"materials\":[null]}");
        yield return new("resubmission materials a string", "POST", "/api/applications/{app}/resubmission", App, "{\"materials\":\"all\"}");
        yield return new("resubmission not JSON", "POST", "/api/applications/{app}/resubmission", App, "nope");
        yield return new("resubmission material fields missing", "POST", "/api/applications/{app}/resubmission", App, "{\"materials\":[{}]}");
        yield return new("resubmission not awaiting corrections", "POST", "/api/applications/{app}/resubmission", App, "{\"materials\":[],\"note\":\"x\"}");
        yield return new("resubmission note over 1 MB", "POST", "/api/applications/{app}/resubmission", App, "{\"materials\":[],\"note\":\"" + Mega + "\"}");
        yield return new("resubmission duplicate keys", "POST", "/api/applications/{app}/resubmission", App, "{\"materials\":[],\"materials\":[null]}");
        yield return new("rectification on a permit application", "POST", "/api/applications/{app}/rectification", App, "{\"note\":\"done\"}");
        yield return new("rectification not JSON", "POST", "/api/applications/{app}/rectification", App, "{{");
        yield return new("rectification note a number", "POST", "/api/applications/{app}/rectification", App, "{\"note\":5}");

        // Credit
        yield return new("credit of an invalid uscc", "GET", "/api/credit/NOT-A-USCC", App);
        yield return new("credit uscc with NUL", "GET", "/api/credit/%00", App, Skip: RefusedByTheServer);
        yield return new("credit of someone else", "GET", "/api/credit/91110000600037341L", App);
        yield return new("credit anonymous", "GET", "/api/credit/{uscc}", null);
        yield return new("credit uscc 10 KB", "GET", "/api/credit/" + LongQuery, Sup);
        yield return new("repair not JSON", "POST", "/api/credit/{uscc}/repairs", Sup, "{");
        yield return new("repair reference missing", "POST", "/api/credit/{uscc}/repairs", Sup, "{}");
        yield return new("repair reference a number", "POST", "/api/credit/{uscc}/repairs", Sup, "{\"reference\":5}");
        yield return new("repair of nothing", "POST", "/api/credit/{uscc}/repairs", Sup, "{\"reference\":\"no-such-record\"}");
        yield return new("repair by the applicant", "POST", "/api/credit/{uscc}/repairs", App, "{\"reference\":\"x\"}");
        yield return new("repair invalid uscc", "POST", "/api/credit/XYZ/repairs", Sup, "{\"reference\":\"x\"}");
        yield return new("repair over 1 MB", "POST", "/api/credit/{uscc}/repairs", Sup, "{\"reference\":\"x\",\"reason\":\"" + Mega + "\"}");
        yield return new("repair duplicate keys", "POST", "/api/credit/{uscc}/repairs", Sup, "{\"reference\":\"no-such\",\"reference\":\"other\"}");

        // Departments
        yield return new("inbox of another department", "GET", "/api/departments/CAD/tasks", Hud);
        yield return new("inbox anonymous", "GET", "/api/departments/HUD/tasks", null);
        yield return new("inbox by an applicant", "GET", "/api/departments/HUD/tasks", App);
        yield return Decide("decision not JSON", "{");
        yield return Decide("decision an array", "[]");
        yield return Decide("decision missing everything", "{}");
        yield return Decide("decision unknown verb", Decision("\"maybe\""));
        yield return Decide("decision verb a number", Decision("1"));
        yield return Decide("decision verb null", Decision("null"));
        yield return Decide("decision item a number", Decision(item: "5"));
        yield return Decide("decision item unknown", Decision(item: "\"NO-SUCH\""));
        yield return Decide("decision on unknown application", Decision(app: "\"APP-NOPE\""));
        yield return Decide("decision applicationId an object", Decision(app: "{}"));
        yield return Decide("decision for another department's item", Decision(item: "\"CP-CIVILDEF\""));
        yield return Decide("decision department mismatch", Decision(rest: ",\"department\":\"CAD\""));
        yield return Decide("decision decidedAt 9999-12-31", Decision(rest: ",\"decidedAt\":\"9999-12-31T00:00:00+08:00\""));
        yield return Decide("decision decidedAt year 1", Decision(rest: ",\"decidedAt\":\"0001-01-01T00:00:00Z\""));
        yield return Decide("decision decidedAt not a date", Decision(rest: ",\"decidedAt\":\"tomorrow\""));
        yield return Decide("decision decidedAt a number", Decision(rest: ",\"decidedAt\":1e309"));
        yield return Decide("decision opinion 200 KB", Decision(rest: $",\"opinion\":\"{Huge}\""));
        yield return Decide("decision opinion with NUL", Decision(rest: ",\"opinion\":\"同意\\u0000\""));
        yield return Decide("decision reviewer with bidi override", Decision(rest: ",\"reviewer\":\"\\u202E审查员\""));
        yield return Decide("decision messageId 10 KB", Decision(rest: $",\"messageId\":\"{LongQuery}\""));
        yield return Decide("decision duplicate keys", Decision(rest: ",\"decision\":\"reject\""));
        yield return Decide("decision over 1 MB", Decision(rest: $",\"opinion\":\"{Mega}\""));
        yield return new("decision by an applicant", "POST", "/api/departments/HUD/decisions", App, Decision());
        yield return new("decision for another department", "POST", "/api/departments/CAD/decisions", Hud, Decision());
        yield return new("decision as form", "POST", "/api/departments/HUD/decisions", Hud, "decision=approve", "application/x-www-form-urlencoded");
        yield return new("inspection not JSON", "POST", "/api/departments/HUD/inspections", Hud, "{");
        yield return new("inspection result unknown", "POST", "/api/departments/HUD/inspections", Hud, "{\"commitmentId\":\"c\",\"result\":\"meh\"}");
        yield return new("inspection result null", "POST", "/api/departments/HUD/inspections", Hud, "{\"commitmentId\":\"c\",\"result\":null}");
        yield return new("inspection unknown commitment", "POST", "/api/departments/HUD/inspections", Hud, "{\"commitmentId\":\"nope\",\"result\":\"pass\"}");
        yield return new("inspection commitmentId a number", "POST", "/api/departments/HUD/inspections", Hud, "{\"commitmentId\":5,\"result\":\"pass\"}");
        yield return new("inspection on unknown application", "POST", "/api/departments/HUD/inspections", Hud, "{\"applicationId\":\"APP-NOPE\",\"commitmentId\":\"c\",\"result\":\"false\"}");
        yield return new("inspection over 1 MB", "POST", "/api/departments/HUD/inspections", Hud, "{\"commitmentId\":\"c\",\"result\":\"pass\",\"findings\":\"" + Mega + "\"}");
        yield return new("inspection for another department", "POST", "/api/departments/CAD/inspections", Hud, "{\"commitmentId\":\"c\",\"result\":\"pass\"}");
        yield return new("site findings not JSON", "POST", "/api/departments/HUD/site-findings", Hud, "{");
        yield return new("site findings missing", "POST", "/api/departments/HUD/site-findings", Hud, "{\"applicationId\":\"{app}\"}");
        yield return new("site findings on a permit application", "POST", "/api/departments/HUD/site-findings", Hud, "{\"applicationId\":\"{app}\",\"findings\":\"ok\"}");
        yield return new("acceptance opinion result unknown", "POST", "/api/departments/HUD/acceptance-opinions", Hud, "{\"applicationId\":\"{app}\",\"item\":\"X\",\"result\":\"meh\"}");
        yield return new("acceptance opinion fail without rectifications", "POST", "/api/departments/HUD/acceptance-opinions", Hud, "{\"applicationId\":\"{app}\",\"item\":\"X\",\"result\":\"fail\"}");
        yield return new("acceptance opinion rectifications [null]", "POST", "/api/departments/HUD/acceptance-opinions", Hud, "{\"applicationId\":\"{app}\",\"item\":\"X\",\"result\":\"fail\",\"rectifications\":[null]}");
        yield return new("acceptance opinion rectifications a string", "POST", "/api/departments/HUD/acceptance-opinions", Hud, "{\"applicationId\":\"{app}\",\"item\":\"X\",\"result\":\"fail\",\"rectifications\":\"fix\"}");
        yield return new("acceptance certificate step unknown", "POST", "/api/departments/HUD/certificates", Hud, "{\"applicationId\":\"{app}\",\"step\":\"moon\",\"number\":\"1\"}");
        yield return new("acceptance certificate not JSON", "POST", "/api/departments/HUD/certificates", Hud, "]");

        // Public
        yield return new("unknown certificate", "GET", "/api/certificates/NOPE", null);
        yield return new("certificate number 10 KB", "GET", "/api/certificates/" + LongQuery, null);
        yield return new("certificate number with encoded NUL", "GET", "/api/certificates/%00", null, Skip: RefusedByTheServer);
        yield return new("certificate number with encoded slash", "GET", "/api/certificates/a%2Fb", null);
        yield return new("unknown certificate document", "GET", "/api/certificates/NOPE/document", null);
        yield return new("unknown project", "GET", "/api/projects/NOPE", null);
        yield return new("project code with bidi override", "GET", "/api/projects/%E2%80%AE2609", null);
        yield return new("project page code with NUL", "GET", "/api/projects/%00", null, Skip: RefusedByTheServer);

        // Supervisor
        yield return new("lights by an applicant", "GET", "/api/supervision/lights", App);
        yield return new("lights anonymous", "GET", "/api/supervision/lights", null);
        yield return new("audit before any ran", "GET", "/api/audits/latest", Sup);
        yield return new("audit by a department", "GET", "/api/audits/latest", Hud);
        yield return new("report month garbage", "GET", "/api/reports/monthly?month=garbage", Sup);
        yield return new("report month 13", "GET", "/api/reports/monthly?month=2026-13", Sup);
        yield return new("report month year 99999", "GET", "/api/reports/monthly?month=99999-01", Sup);
        yield return new("report month year 0", "GET", "/api/reports/monthly?month=0000-01", Sup);
        yield return new("report month with NUL", "GET", "/api/reports/monthly?month=2026-11%00", Sup);
        yield return new("report month 10 KB", "GET", "/api/reports/monthly?month=" + LongQuery, Sup);
        yield return new("report by an applicant", "GET", "/api/reports/monthly", App);
        yield return new("dead letters by an applicant", "GET", "/api/supervision/dead-letters", App);

        // Development: the clock and the queue
        yield return new("clock advance 1e308 days", "POST", "/api/dev/clock/advance", null, "{\"days\":1e308}");
        yield return new("clock advance 1e309 days", "POST", "/api/dev/clock/advance", null, "{\"days\":1e309}");
        yield return new("clock advance 1e15 days", "POST", "/api/dev/clock/advance", null, "{\"days\":1e15}");
        yield return new("clock advance 1e12 hours", "POST", "/api/dev/clock/advance", null, "{\"hours\":1e12}");
        yield return new("clock advance NaN days", "POST", "/api/dev/clock/advance", null, "{\"days\":\"NaN\"}");
        yield return new("clock advance Infinity hours", "POST", "/api/dev/clock/advance", null, "{\"hours\":\"Infinity\"}");
        yield return new("clock advance -5 days", "POST", "/api/dev/clock/advance", null, "{\"days\":-5}");
        yield return new("clock advance 0", "POST", "/api/dev/clock/advance", null, "{\"days\":0}");
        yield return new("clock advance nothing", "POST", "/api/dev/clock/advance", null, "{}");
        yield return new("clock advance days a word", "POST", "/api/dev/clock/advance", null, "{\"days\":\"many\"}");
        yield return new("clock advance not JSON", "POST", "/api/dev/clock/advance", null, "{");
        yield return new("clock advance 20 years", "POST", "/api/dev/clock/advance", null, "{\"days\":7300}");
        yield return new("clock advance negative hours with days", "POST", "/api/dev/clock/advance", null, "{\"days\":1,\"hours\":-48}");
        yield return new("queue message empty", "POST", "/api/dev/queues/department-responses", null, "");
        yield return new("queue message over 256 KB", "POST", "/api/dev/queues/department-responses", null, "{\"opinion\":\"" + Mega + "\"}");

        // Framework edges: OpenAPI, unknown paths, methods, NUL in the path, long query
        yield return new("openapi with encoded slash", "GET", "/openapi/..%2F..%2Fappsettings.json", null);
        yield return new("openapi unknown document", "GET", "/openapi/nope.json", null);
        yield return new("unknown api path", "GET", "/api/no-such-thing", null);
        yield return new("wrong method on catalog", "DELETE", "/api/catalog/items", null);
        yield return new("NUL in the path", "GET", "/api/catalog/items%00", null, Skip: RefusedByTheServer);
        yield return new("10 KB query on the catalog", "GET", "/api/certificates/x?" + LongQuery, null);
        yield return new("PUT on applications", "PUT", "/api/applications/{app}", App, "{}");

        // Business openings (开户即开业)
        const string Opening = "{\"companyName\":\"示范美业\",\"businessScope\":\"美容美发\",\"items\":[\"SALON\"],\"commitments\":[\"SALON\"]}";
        yield return new("business opening not JSON", "POST", "/api/business-openings", App, "{\"companyName\":", IdempotencyKey: "corpus-bo");
        yield return new("business opening items a string", "POST", "/api/business-openings", App, Opening.Replace("[\"SALON\"],\"commitments", "\"SALON\",\"commitments"), IdempotencyKey: "corpus-bo");
        yield return new("business opening items with a number", "POST", "/api/business-openings", App, Opening.Replace("\"items\":[\"SALON\"]", "\"items\":[7]"), IdempotencyKey: "corpus-bo");
        yield return new("business opening commitment unsigned", "POST", "/api/business-openings", App, Opening.Replace("\"commitments\":[\"SALON\"]", "\"commitments\":[]"), IdempotencyKey: "corpus-bo");
        yield return new("business opening without a key", "POST", "/api/business-openings", App, Opening);
        yield return new("business opening by a department", "POST", "/api/business-openings", Hud, Opening, IdempotencyKey: "corpus-bo");
        yield return new("post-check of no such case", "POST", "/api/business-openings/BO-0000000000000000/post-check", "dev:department:HEALTH", "{\"item\":\"SALON\",\"outcome\":\"verified\"}");
        yield return new("post-check outcome unknown", "POST", "/api/business-openings/BO-0000000000000000/post-check", "dev:department:HEALTH", "{\"item\":\"SALON\",\"outcome\":\"maybe\"}");
    }
}
