using System.Security.Cryptography;
using System.Text;

namespace Approvals.BusinessOpenings;

/// <summary>
/// The unified social credit code (统一社会信用代码) a new company gets when its licence issues: the policy's authority,
/// category and region, a nine-character organisation code (组织机构代码, GB 11714: eight digits derived from the
/// application number and its own check character), and the USCC check character (GB 32100). Deterministic, so a
/// replayed orchestration issues the same code; a real registry would hand out the sequence instead.
/// </summary>
public static class NewCompanyUscc
{
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static string For(string caseId, UsccLayout layout)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(caseId));
        var body = new StringBuilder(8);
        for (var i = 0; i < 8; i++) body.Append((char)('0' + hash[i] % 10));
        var organisation = body.ToString() + OrganisationCheck(body.ToString());
        var first17 = layout.RegistrationAuthority + layout.OrganisationCategory + layout.RegionCode + organisation;
        return first17 + Identity.Uscc.ComputeCheckCharacter(first17);
    }

    /// <summary>GB 11714's check character over eight digits: 11 − (Σ digit×weight mod 11); 10 is X, 11 is 0.</summary>
    private static char OrganisationCheck(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (digits[i] - '0') * OrganisationWeights[i];
        var check = 11 - sum % 11;
        return check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
    }
}
