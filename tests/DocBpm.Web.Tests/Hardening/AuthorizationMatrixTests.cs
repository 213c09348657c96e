using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>
/// Every operation of the OpenAPI document against anonymous and each demo role (issue #16). Ids in the route name
/// nothing, so the matrix pins who passes the role gate: <c>-</c> denied (401, 403; anonymous: 401 or the login page),
/// <c>+</c> reaches the action (any other answer but a 5xx, typically 400 for the empty body or 404 for the unknown id).
/// What a person may see of an existing record is the feature matrices' concern (IncomingAccessMatrixTests and the
/// outgoing and task tests). A new operation without a row fails the test.
/// </summary>
[TestClass]
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] People =
        ["anonymous", "vanthu", "giamdoc", "phogiamdoc1", "chanhvanphong", "truongphong.gdtrh", "chuyenvien", "quantri", "phantich"];

    /// <summary>Operations that end the caller's own session: tried last for each person.</summary>
    private static readonly string[] SessionEnders = ["/api/account/logout", "/logout"];

    private const string Anyone = "+++++++++";
    private const string SignedIn = "-++++++++";
    private const string Clerk = "-+-------";
    private const string Admin = "-------+-";
    private const string ClerkOrAdmin = "-+-----+-"; // the Integration policy
    private const string Analyst = "-------++"; // the Analyst policy admits the IT admin too
    private const string Leaders = "--++-----"; // Director and deputies
    private const string Director = "--+------";
    private const string Planners = "-++-+----"; // the office builds the file plan (clerks, office chief) and the Director

    // Columns in the order of People. Each row states the rule of docs/api.md it pins; "signed in" rows decide per record
    // inside the action (404 for what the person may not see, 403 or 409 for a step that is not theirs).
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["POST /api/account/login"] = Anyone,
        ["GET /api/account/me"] = SignedIn,
        ["POST /api/account/password"] = SignedIn, // one's own password only
        ["POST /api/account/logout"] = SignedIn,
        ["GET /api/account/sign-ins"] = Admin,

        ["GET /api/activity-types"] = SignedIn,
        ["GET /api/definitions"] = SignedIn,
        ["GET /api/definitions/{id}"] = SignedIn,
        ["GET /api/definitions/{id}/xml"] = SignedIn,
        ["GET /api/definitions/{id}/elements"] = SignedIn,
        ["POST /api/definitions/validate"] = Analyst,
        ["POST /api/definitions"] = Analyst,
        ["POST /api/definitions/deploy-preview"] = Analyst,
        ["GET /api/tool-pages"] = SignedIn, // which of the designer and the monitor the person may open
        ["GET /api/decisions"] = SignedIn,
        ["GET /api/decisions/{id}/xml"] = SignedIn,

        // Starts only processes no document flow owns (those are refused inside the action); clerk and admin.
        ["POST /api/instances"] = ClerkOrAdmin,
        ["GET /api/instances"] = Admin,
        ["GET /api/monitor/instance-documents"] = Admin,
        ["GET /api/monitor/people"] = Admin,
        ["GET /api/instances/{id}"] = Admin,
        ["POST /api/instances/{id}/cancel"] = Admin,
        ["POST /api/instances/{id}/migrate"] = Admin,
        ["POST /api/messages"] = ClerkOrAdmin,
        ["POST /api/signals"] = ClerkOrAdmin,
        ["GET /api/incidents"] = Admin,
        ["POST /api/incidents/{id}/retry"] = Admin,

        // Assignee or candidate, decided per task; an administrator never works a document's task (TaskAccess).
        ["GET /api/tasks/mine"] = SignedIn,
        ["GET /api/tasks/{id}"] = SignedIn,
        ["POST /api/tasks/{id}/claim"] = SignedIn,
        ["POST /api/tasks/{id}/release"] = SignedIn, // the claimer, a head of the unit, an administrator: per task
        ["POST /api/tasks/{id}/complete"] = SignedIn,
        ["GET /api/inbox"] = SignedIn,
        ["GET /api/inbox/shared"] = SignedIn,

        // NĐ30 Art. 13: the Director grants and revokes signing capacities; the admin keeps that data for him.
        ["GET /api/signing-authorisations"] = "--+----+-",
        ["POST /api/signing-authorisations"] = "--+----+-",
        ["POST /api/signing-authorisations/{id}/revoke"] = "--+----+-",
        // Who may hand a waiting signature on (its leader, the office chief, the admin) is decided per document inside.
        ["POST /api/outgoing/{id}/sign/handover"] = SignedIn,
        ["GET /api/admin/access-log"] = Admin,
        // Article 16.1: anyone reports and reads their own reports; the office chief and the admin handle them.
        ["POST /api/incident-reports"] = SignedIn,
        ["GET /api/incident-reports/mine"] = SignedIn,
        ["GET /api/incident-reports"] = "----+--+-",
        ["POST /api/incident-reports/{id}/close"] = "----+--+-",
        // NĐ30 Phụ lục I: the signature and seal images are the admin's.
        ["PUT /api/admin/signature-images/people/{userName}"] = Admin,
        ["GET /api/admin/signature-images/people/{userName}"] = Admin,
        ["DELETE /api/admin/signature-images/people/{userName}"] = Admin,
        ["PUT /api/admin/signature-images/agency"] = Admin,
        ["GET /api/admin/signature-images/agency"] = Admin,
        ["DELETE /api/admin/signature-images/agency"] = Admin,

        // One's own notifications only: another's id is 404 inside the action.
        ["GET /api/notifications"] = SignedIn,
        ["POST /api/notifications/{id}/read"] = SignedIn,
        ["POST /api/notifications/read-all"] = SignedIn,

        // Article 14.3: Director and office chief every unit, a deputy the units they supervise, a unit head their own.
        ["GET /api/statistics/documents"] = "--++++---",
        ["GET /api/reports/incoming"] = "--++++---", // the statistics' rule: leaders, the office chief, unit heads
        ["GET /api/reports/outgoing"] = "--++++---", // the statistics' rule: leaders, the office chief, unit heads
        ["GET /api/reports/usage"] = "--++++---", // the statistics' rule: leaders, the office chief, unit heads
        ["GET /api/reports/files"] = "--++++---", // the statistics' rule

        ["GET /api/calendar/days"] = SignedIn,
        ["GET /api/calendar/working-time"] = SignedIn,
        ["PUT /api/calendar/days/{date}"] = Admin,
        ["DELETE /api/calendar/days/{date}"] = Admin,

        // Issue #16: delivery status is the clerks' (and the admin's) business, not every signed-in person's.
        ["GET /api/exchange/dispatches"] = ClerkOrAdmin,
        ["GET /api/exchange/received"] = ClerkOrAdmin,
        ["POST /api/exchange/pull"] = ClerkOrAdmin,
        ["GET /api/exchange/intake-failures"] = Admin,
        ["POST /api/exchange/intake-failures/{packageId}/retry"] = Admin,
        ["POST /api/exchange/intake-failures/{packageId}/dismiss"] = Admin,

        ["GET /api/organisation/units"] = SignedIn,
        ["PUT /api/organisation/units/{code}/supervisor"] = Admin,
        ["GET /api/organisation/people"] = "--+-+--+-", // admin, office chief, Director
        ["POST /api/organisation/people"] = Admin,
        ["POST /api/organisation/people/{userName}/lock"] = Admin,
        ["POST /api/organisation/people/{userName}/unlock"] = Admin,
        ["GET /api/agencies"] = SignedIn,
        ["PUT /api/agencies/{code}"] = Admin,
        ["POST /api/signatures/verify"] = SignedIn,
        ["GET /api/signatures/authorities"] = Admin,
        ["POST /api/signatures/authorities"] = Admin,
        ["DELETE /api/signatures/authorities/{id}"] = Admin,

        ["GET /api/registers"] = ClerkOrAdmin,
        ["GET /api/registers/{bookId}/export"] = ClerkOrAdmin,

        // Records (NĐ30 Art. 28–30): the rules refuse with 403 naming the rule; who keeps a file is decided per record.
        ["GET /api/records/retention"] = SignedIn,
        ["POST /api/records/retention"] = "----+--+-", // the office chief and the IT admin import retention schedules
        ["GET /api/records/plans"] = SignedIn,
        ["POST /api/records/plans"] = Planners,
        ["GET /api/records/plans/{id}"] = SignedIn,
        ["POST /api/records/plans/{id}/headings"] = Planners,
        ["POST /api/records/plans/{id}/files"] = Planners,
        ["PUT /api/records/plans/{id}/headings/{headingId}"] = Planners,
        ["POST /api/records/plans/{id}/headings/{headingId}/move"] = Planners,
        ["DELETE /api/records/plans/{id}/headings/{headingId}"] = Planners,
        ["PUT /api/records/plans/{id}/files/{fileId}"] = Planners,
        ["DELETE /api/records/plans/{id}/files/{fileId}"] = Planners,
        ["POST /api/records/plans/{id}/submit"] = Planners,
        // The file-plan process's review step decides who approves or returns (403 for who is not offered it), per plan.
        ["POST /api/records/plans/{id}/approve"] = SignedIn,
        ["POST /api/records/plans/{id}/return"] = SignedIn,
        ["GET /api/records/files"] = SignedIn,
        ["POST /api/records/files"] = SignedIn,
        ["GET /api/records/files/{id}"] = SignedIn,
        ["POST /api/records/files/{id}/open"] = SignedIn,
        ["POST /api/records/files/{id}/documents"] = SignedIn,
        ["DELETE /api/records/files/{id}/documents/{filedId}"] = SignedIn,
        ["POST /api/records/files/{id}/close"] = SignedIn,
        ["GET /api/records/files/{id}/metadata"] = SignedIn,
        ["GET /api/records/documents/{kind}/{documentId}/files"] = SignedIn,
        ["GET /api/records/plans/{id}/print"] = SignedIn,
        ["GET /api/records/files/{id}/pdf"] = SignedIn, // who may see the file, decided per file
        ["GET /api/records/files/{id}/documents/{filedId}/pdf"] = SignedIn, // who may see the file (the archivist once accepted), per file
        // NĐ30 Articles 30–31: keepers submit, withdraw and ask to keep back their own files; the archivist accepts or returns;
        // the Director decides a keep-back; each decided per file inside the action.
        ["GET /api/records/handover/due"] = SignedIn,
        ["POST /api/records/handover/submissions"] = SignedIn,
        ["GET /api/records/handover/submissions/{id}"] = SignedIn,
        ["GET /api/records/handover/submissions/{id}/list.pdf"] = SignedIn,
        ["GET /api/records/handover/submissions/{id}/record.pdf"] = SignedIn,
        ["GET /api/records/handover/submissions/{id}/package.zip"] = SignedIn,
        ["GET /api/records/handover/files"] = SignedIn,
        ["GET /api/records/handover/files/{id}"] = SignedIn,
        ["POST /api/records/handover/files/{id}/withdraw"] = SignedIn,
        ["POST /api/records/handover/files/{id}/accept"] = SignedIn,
        ["POST /api/records/handover/files/{id}/return"] = SignedIn,
        ["POST /api/records/handover/files/{id}/keep-back"] = SignedIn,
        ["POST /api/records/handover/keep-backs/{id}/approve"] = Director, // Article 30.3
        ["POST /api/records/handover/keep-backs/{id}/refuse"] = Director, // Article 30.3
        ["POST /api/registers"] = Admin,
        ["PUT /api/registers/{bookId}"] = Admin,
        ["POST /api/registers/{bookId}/deactivate"] = Admin,

        // Chapter III: the clerk records, reconciles, closes and takes back; the Director or a deputy assigns; the main
        // unit's head names the handler; the rest is decided per task (only the tasks the person follows, else 404).
        ["GET /api/provincial-tasks"] = SignedIn,
        ["GET /api/provincial-tasks/{id}"] = SignedIn,
        ["POST /api/provincial-tasks/documents"] = Clerk,
        ["GET /api/provincial-tasks/documents/{id}"] = SignedIn,
        ["POST /api/provincial-tasks/documents/{id}/close"] = Clerk,
        ["POST /api/provincial-tasks/documents/{id}/take-back"] = Clerk,
        ["POST /api/provincial-tasks/{id}/reconcile"] = Clerk,
        ["POST /api/provincial-tasks/{id}/assign"] = Leaders,
        ["POST /api/provincial-tasks/{id}/handler"] = "----++---", // unit heads (the office chief heads VP)
        ["POST /api/provincial-tasks/{id}/reply-draft"] = SignedIn,
        ["POST /api/provincial-tasks/{id}/extension"] = SignedIn,
        ["GET /api/provincial-tasks/{id}/coordination"] = SignedIn,
        ["POST /api/provincial-tasks/{id}/opinions"] = SignedIn,
        ["GET /api/provincial-tasks/{id}/opinions/{opinionId}/file"] = SignedIn,
        ["POST /api/provincial-tasks/{id}/coordinating-units"] = Leaders,
        // Article 13 reports: the office chief and the leaders; not the IT admin, who reads no document's content.
        ["GET /api/provincial-tasks/reports/summary"] = "--+++----",
        ["GET /api/provincial-tasks/reports/book"] = "--+++----",

        // Outgoing: the person whose task it is, per document (the IT admin sees no draft: 404).
        ["GET /api/outgoing"] = SignedIn,
        ["POST /api/outgoing"] = SignedIn,
        ["GET /api/outgoing/types"] = SignedIn,
        ["GET /api/outgoing/{id}"] = SignedIn,
        ["GET /api/outgoing/{id}/versions"] = SignedIn,
        ["POST /api/outgoing/{id}/versions"] = SignedIn,
        ["GET /api/outgoing/{id}/files/{fileId}"] = SignedIn,
        ["GET /api/outgoing/{id}/files/{fileId}/signatures/{number}/signed-revision"] = SignedIn,
        ["PUT /api/outgoing/{id}/recipients"] = SignedIn,
        ["POST /api/outgoing/{id}/submit"] = SignedIn,
        ["POST /api/outgoing/{id}/opinion"] = SignedIn,
        ["GET /api/outgoing/{id}/leaders"] = SignedIn,
        ["POST /api/outgoing/{id}/approve"] = SignedIn,
        ["POST /api/outgoing/{id}/return"] = SignedIn,
        ["POST /api/outgoing/{id}/sign"] = SignedIn,
        ["POST /api/outgoing/{id}/signature/prepare"] = SignedIn,
        ["POST /api/outgoing/{id}/signature/complete"] = SignedIn,
        ["POST /api/outgoing/{id}/issue"] = SignedIn,
        ["POST /api/outgoing/{id}/retry"] = SignedIn, // the signing leader or the clerks, per failed step
        ["POST /api/outgoing/{id}/corrections"] = SignedIn,

        // Incoming: the same rules as IncomingAccessMatrixTests, which checks them on a real document.
        ["GET /api/incoming"] = SignedIn,
        ["POST /api/incoming"] = Clerk,
        ["GET /api/incoming/{id}"] = SignedIn,
        ["GET /api/incoming/{id}/files/{fileId}"] = SignedIn,
        ["GET /api/incoming/{id}/files/{fileId}/signatures/{number}/signed-revision"] = SignedIn,
        ["POST /api/incoming/{id}/register"] = Clerk,
        ["POST /api/incoming/{id}/return"] = Clerk,
        ["POST /api/incoming/{id}/paper-delivered"] = Clerk,
        ["POST /api/incoming/{id}/recall"] = Clerk,
        ["POST /api/incoming/{id}/forward"] = "--+------", // the Director alone (Article 8.2b)
        ["POST /api/incoming/{id}/assign"] = Leaders,
        ["POST /api/incoming/{id}/reassign"] = "---+++---", // deputy, unit heads
        ["POST /api/incoming/{id}/complete"] = SignedIn, // the main handler, per document
        ["GET /api/incoming/{id}/coordination"] = SignedIn,
        ["POST /api/incoming/{id}/opinions"] = SignedIn,
        ["GET /api/incoming/{id}/opinions/{opinionId}/file"] = SignedIn,
    };

    [TestMethod]
    public async Task Issue16_every_operation_admits_exactly_the_roles_the_access_rules_name()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var anonymous = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var operations = ApiOperation.Read((await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!)
            .OrderBy(o => SessionEnders.Contains(o.Path)).ToList();
        var names = operations.Select(o => o.ToString()).ToList();
        var failures = names.Except(Expected.Keys).Select(n => $"{n}: no row in the matrix")
            .Concat(Expected.Keys.Except(names).Select(n => $"{n}: a row for an operation that is gone")).ToList();
        for (var i = 0; i < People.Length; i++)
        {
            var client = i == 0 ? anonymous : await host.LoginAsync(People[i]);
            foreach (var operation in operations)
            {
                using var response = await client.SendAsync(Request(operation));
                var status = (int)response.StatusCode;
                var denied = status is 401 or 403 || (i == 0 && response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true);
                if (!Expected.TryGetValue(operation.ToString(), out var row))
                    continue;
                var expected = row[i];
                if (status >= 500 || (denied ? '-' : '+') != expected)
                    failures.Add($"{operation} as {People[i]}: {status}, expected {(expected == '-' ? "denied" : "to reach the action")}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
    }

    private static HttpRequestMessage Request(ApiOperation operation)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            path = path.Replace("{" + parameter.Name + "}", parameter.Format == "uuid" ? Guid.NewGuid().ToString() : parameter.Type == "integer" ? "1" : "x",
                StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.Method is not ("GET" or "DELETE"))
            request.Content = operation.BodyContentType?.StartsWith("multipart", StringComparison.Ordinal) == true
                ? new MultipartFormDataContent()
                : new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }
}
