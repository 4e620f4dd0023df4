import type { MailMessage } from '../../platform/mail/mailer.ts';

type Recipient = { email: string; displayName: string; locale: string };

/** Sign-in link, in the person's language. */
export function magicLinkMail(user: Recipient, link: string): MailMessage {
  return user.locale === 'en'
    ? {
        to: user.email,
        subject: 'Your Totem sign-in link',
        text: `Hello ${user.displayName},\n\nSign in to Totem with this link, valid for 15 minutes and usable once:\n${link}\n\nIf you did not ask for it, ignore this message.`,
      }
    : {
        to: user.email,
        subject: 'Votre lien de connexion à Totem',
        text: `Bonjour ${user.displayName},\n\nConnectez-vous à Totem avec ce lien, valable 15 minutes et utilisable une seule fois :\n${link}\n\nSi vous ne l'avez pas demandé, ignorez ce message.`,
      };
}

export function passwordResetMail(user: Recipient, link: string): MailMessage {
  return user.locale === 'en'
    ? {
        to: user.email,
        subject: 'Reset your Totem password',
        text: `Hello ${user.displayName},\n\nChoose a new password with this link, valid for one hour:\n${link}\n\nIf you did not ask for it, ignore this message: your password stays as it is.`,
      }
    : {
        to: user.email,
        subject: 'Réinitialiser votre mot de passe Totem',
        text: `Bonjour ${user.displayName},\n\nChoisissez un nouveau mot de passe avec ce lien, valable une heure :\n${link}\n\nSi vous ne l'avez pas demandé, ignorez ce message : votre mot de passe reste inchangé.`,
      };
}

export function invitationMail(user: Recipient, territoryName: string, role: string, link: string): MailMessage {
  return user.locale === 'en'
    ? {
        to: user.email,
        subject: `You have been given access to ${territoryName} on Totem`,
        text: `Hello ${user.displayName},\n\nYou now hold the role "${role}" in ${territoryName}. Sign in with this link (valid 15 minutes), then set a password from your account page:\n${link}`,
      }
    : {
        to: user.email,
        subject: `Vous avez désormais accès à ${territoryName} sur Totem`,
        text: `Bonjour ${user.displayName},\n\nVous avez maintenant le rôle « ${role} » sur ${territoryName}. Connectez-vous avec ce lien (valable 15 minutes) :\n${link}`,
      };
}
