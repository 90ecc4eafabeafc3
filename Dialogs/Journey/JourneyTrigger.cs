namespace VssBot.Dialogs.Journey;

/// <summary>Events that move a student's journey.</summary>
public enum JourneyTrigger
{
    StartInstalling,       // the student begins the install guide
    AppInstalled,          // the student says the app is installed
    StartDeclaring,        // Form 01 begins
    DeclarationConfirmed,  // "Ghi nhận": the student confirmed the summary
    DeclarationSubmitted,  // the declaration API accepted it
    InstructionsSent,      // print/sign/bring-ID instructions given: the office visit is awaited
    AccountReceived,       // SMS with user name and password arrived
    LoggedIn,              // the student logged in to VssID
    DeadlinePassed,        // 10 days without the office visit
    DeclarationRejected,   // the office refused the declaration
    Redeclare,             // start over after expiry or rejection
    AskForPerson,          // a hotline agent takes over
    ReturnToBot,           // the agent hands the student back
}
