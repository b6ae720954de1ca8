namespace Approvals.Catalog;

/// <summary>What an item (事项) is: an approval (审批/许可), a filing (备案) or an acceptance (验收).</summary>
public enum ItemKind
{
    Approval,
    Filing,
    Acceptance,
}
