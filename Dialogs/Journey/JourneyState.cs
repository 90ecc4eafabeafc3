namespace VssBot.Dialogs.Journey;

/// <summary>Where a student is on the way from "never heard of VssID" to "I can log in".</summary>
public enum JourneyState
{
    NotStarted,
    Installing,
    Installed,
    Declaring,
    Declared,
    Submitted,
    WaitingForOfficeVisit,
    AccountReceived,
    LoggedIn,
    Expired,
    Rejected,
    WithPerson,
}
