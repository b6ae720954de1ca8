namespace Approvals.Azure.Tables;

/// <summary>How an update or upsert treats properties the sent entity lacks: Merge keeps them, Replace drops them.</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
