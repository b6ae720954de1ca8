using Approvals.BusinessOpenings;

namespace Approvals.Tests.BusinessOpenings;

public sealed class BusinessOpeningPlannerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 9, 28, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly BusinessOpeningPlanner Planner = new(BusinessOpeningPolicy.Embedded);

    private static BusinessOpeningRequest Request(string[] items, string[] commitments) => new()
    {
        CompanyName = "济宁高新区示范便利店有限公司",
        BusinessScope = "日用百货、预包装食品零售 / daily goods and pre-packaged food retail",
        Items = items,
        Commitments = commitments,
    };

    [Fact]
    public void A_valid_request_plans_each_item_with_its_permit_department_and_post_check_period()
    {
        var result = Planner.Plan("BO-1", "FOUNDER-WANG", Request(["convenience-store", "FOOD-PREPACKAGED"], ["CONVENIENCE-STORE"]), Monday);
        var plan = Assert.IsType<BusinessOpeningPlan>(result.Plan);
        Assert.Equal("FOUNDER-WANG", plan.Founder);
        Assert.Equal("BO-LICENCE", plan.Licence.Code);
        Assert.Equal(["CONVENIENCE-STORE", "FOOD-PREPACKAGED"], plan.Items.Select(i => i.Code));
        var store = plan.Items[0];
        Assert.Equal(("commitment", "site", "MARKET", 20), (store.Route, store.PostCheckKind, store.Department, store.PostCheckWorkingDays));
        Assert.NotEmpty(store.Commitment);
        var food = plan.Items[1];
        Assert.Equal(("filing", "document", ""), (food.Route, food.PostCheckKind, food.Commitment));
    }

    [Fact]
    public void Every_problem_of_a_request_is_named_at_once()
    {
        var result = Planner.Plan("BO-1", "FOUNDER-WANG", new BusinessOpeningRequest
        {
            CompanyName = " ",
            Items = ["NOPE", "SALON", "SALON", null],
            Commitments = ["FOOD-PREPACKAGED"],
        }, Monday);
        Assert.False(result.Accepted);
        Assert.Equal(["businessScope", "commitments", "companyName", "items"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, result.Errors["items"].Length);
        Assert.Equal(2, result.Errors["commitments"].Length);
        Assert.All(result.Errors.Values.SelectMany(m => m), m => Assert.Contains(" / ", m));
    }

    [Fact]
    public void No_items_and_a_commitment_for_a_filing_are_problems()
    {
        Assert.True(Planner.Plan("BO-1", "F", Request([], []), Monday).Errors.ContainsKey("items"));
        var filing = Planner.Plan("BO-1", "F", Request(["FOOD-PREPACKAGED"], ["FOOD-PREPACKAGED"]), Monday);
        Assert.Contains("filing", Assert.Single(filing.Errors["commitments"]));
    }

    [Fact]
    public void The_new_companys_code_is_a_valid_uscc_derived_from_the_application_number()
    {
        var layout = BusinessOpeningPolicy.Embedded.Uscc;
        var code = NewCompanyUscc.For("BO-0123456789ABCDEF", layout);
        Assert.True(Approvals.Identity.Uscc.IsValid(code), code);
        Assert.StartsWith("91370800", code, StringComparison.Ordinal);
        Assert.Equal(code, NewCompanyUscc.For("BO-0123456789ABCDEF", layout));
        Assert.NotEqual(code, NewCompanyUscc.For("BO-FEDCBA9876543210", layout));
        Assert.All(Enumerable.Range(0, 200).Select(n => NewCompanyUscc.For($"BO-{n}", layout)), c => Assert.True(Approvals.Identity.Uscc.IsValid(c), c));
    }
}
